import { useEffect, useMemo } from 'react';
import { useQueryCall } from '../../../api/useCall';

/** The PDF's bytes as a Blob of type application/pdf. */
export function pdfBlob(base64: string): Blob {
  return new Blob([Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))], { type: 'application/pdf' });
}

/**
 * An invoice's PDF as the server prints it now, with a blob: URL for a frame. A blob rather than the
 * /files/ address: the frame could not send the access token, and the desktop app has no HTTP server.
 */
export function useInvoicePdf(id: number, enabled: boolean) {
  // Never cached: a draft's PDF changes when the batch recomputes it, and the bytes are large.
  const pdf = useQueryCall('invoices.pdf', { id }, { enabled, gcTime: 0, staleTime: 0 });
  const url = useMemo(() => (pdf.data ? URL.createObjectURL(pdfBlob(pdf.data.base64)) : null), [pdf.data]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return { pdf: pdf.data, url, error: pdf.error };
}
