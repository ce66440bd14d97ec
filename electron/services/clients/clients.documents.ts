import { createHash } from 'node:crypto';
import { desc, eq, getTableColumns } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { clientDocuments } from '../../../db/schema';
import type { Contract } from '../../contract';
import { maxDocumentBytes, type ClientDocument, type DocumentMime } from '../../contract/clients.records';
import type { ParsedInputOf } from '../../contract/define';
import { AppError } from '../../contract/errors';
import { recordAudit } from '../audit/record-audit';
import { requireClient, requireOpenClient } from './clients.guards';
import { requireById } from '../require-row';

type DocumentRow = typeof clientDocuments.$inferSelect;

/** File signatures: the type is read from the bytes, so a renamed executable is never stored as a "PDF". */
const signatures: { mime: DocumentMime; test: (b: Buffer) => boolean }[] = [
  { mime: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { mime: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mime: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/webp', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
];

/** The document type of a file from its first bytes, or null when it is none of PDF, PNG, JPEG, WebP. */
export const detectDocumentMime = (bytes: Buffer): DocumentMime | null => signatures.find((s) => s.test(bytes))?.mime ?? null;

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** What lists and the audit trail show of a document: everything but its bytes. */
const describe = ({ content: _content, ...rest }: DocumentRow): ClientDocument => rest;

function requireDocument(db: DbOrTx, id: number): DocumentRow {
  return requireById(db, clientDocuments, id, 'Document', 'It may have been deleted; refresh the Legal tab.');
}

export function listClientDocuments(db: DbOrTx, clientId: number): ClientDocument[] {
  requireClient(db, clientId);
  const { content: _content, ...columns } = getTableColumns(clientDocuments);
  return db.select(columns).from(clientDocuments).where(eq(clientDocuments.clientId, clientId)).orderBy(desc(clientDocuments.id)).all();
}

export function getClientDocument(db: DbOrTx, id: number): ClientDocument & { base64: string } {
  const row = requireDocument(db, id);
  return { ...describe(row), base64: row.content.toString('base64') };
}

export function uploadClientDocument(db: DbOrTx, input: ParsedInputOf<Contract['clients.documents.upload']>, actor: string): ClientDocument {
  const content = Buffer.from(input.base64, 'base64');
  if (content.length > maxDocumentBytes) {
    throw new AppError('INVALID_INPUT', `${input.fileName} is ${megabytes(content.length)}; documents may be at most 7 MB. Compress or split the file.`, {
      base64: 'must be at most 7 MB',
    });
  }
  const mime = detectDocumentMime(content);
  if (!mime) {
    throw new AppError('INVALID_INPUT', `${input.fileName} is not a PDF, PNG, JPEG or WebP file. Save it in one of those formats and attach it again.`, {
      base64: 'is not a PDF, PNG, JPEG or WebP file',
    });
  }
  return db.transaction((tx) => {
    requireOpenClient(tx, input.clientId);
    const row = tx
      .insert(clientDocuments)
      .values({
        clientId: input.clientId,
        fileName: input.fileName,
        mime,
        sizeBytes: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        content,
        uploadedAt: new Date().toISOString(),
        uploadedBy: actor,
      })
      .returning()
      .get();
    recordAudit(tx, { actor, action: 'client.document_added', entity: 'client_document', entityId: row.id, clientId: row.clientId, after: describe(row) });
    return describe(row);
  });
}

/** Deletes the bytes; the audit trail keeps the name, size and checksum. */
export function deleteClientDocument(db: DbOrTx, id: number, actor: string): { id: number } {
  return db.transaction((tx) => {
    const before = requireDocument(tx, id);
    requireOpenClient(tx, before.clientId);
    tx.delete(clientDocuments).where(eq(clientDocuments.id, id)).run();
    recordAudit(tx, { actor, action: 'client.document_removed', entity: 'client_document', entityId: id, clientId: before.clientId, before: describe(before) });
    return { id };
  });
}
