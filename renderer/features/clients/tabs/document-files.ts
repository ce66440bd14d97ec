import { formatBytes } from '../../../components/files';
import { documentMimeTypes, maxDocumentBytes, type DocumentMime } from '../../../../electron/contract/clients.records';

export const documentTypeLabels: Record<DocumentMime, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'image/webp': 'WebP image',
};

/** Why a picked file cannot be uploaded, or null when it can; checked before the bytes are read or sent. */
export function refuseDocument(file: File): string | null {
  if (!(documentMimeTypes as readonly string[]).includes(file.type)) return `"${file.name}" is not a PDF, PNG, JPEG or WebP file.`;
  if (file.size === 0) return `"${file.name}" is empty.`;
  if (file.size > maxDocumentBytes) return `"${file.name}" is ${formatBytes(file.size)}; documents may be at most ${formatBytes(maxDocumentBytes)}.`;
  return null;
}
