import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actor, makeClient, makeManager } from '../../../tests/helpers/client-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { contract } from '../../contract';
import { maxDocumentBytes } from '../../contract/clients.records';
import { listAudit } from '../audit/audit.service';
import { deleteClientDocument, detectDocumentMime, getClientDocument, listClientDocuments, uploadClientDocument } from './clients.documents';

let t: TempDb;
let clientId: number;
beforeEach(() => {
  t = openTempDb();
  clientId = makeClient(t.db, { managerId: makeManager(t.db).id }).id;
});
afterEach(() => t.close());

const files = {
  pdf: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(100, 1)]),
  png: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  jpeg: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]),
  webp: Buffer.concat([Buffer.from('RIFF'), Buffer.from([36, 0, 0, 0]), Buffer.from('WEBPVP8 ')]),
  exe: Buffer.from('MZ\x90\x00 this program cannot be run in DOS mode'),
};
const upload = (fileName: string, bytes: Buffer) => uploadClientDocument(t.db, { clientId, fileName, base64: bytes.toString('base64') }, actor);

describe('client documents', () => {
  it('reads the type from the first bytes: PDF, PNG, JPEG and WebP only', () => {
    expect(detectDocumentMime(files.pdf)).toBe('application/pdf');
    expect(detectDocumentMime(files.png)).toBe('image/png');
    expect(detectDocumentMime(files.jpeg)).toBe('image/jpeg');
    expect(detectDocumentMime(files.webp)).toBe('image/webp');
    expect(detectDocumentMime(files.exe)).toBeNull();
  });

  it('refuses a file that is not one of them, whatever its name says', () => {
    expect(() => upload('contract.pdf', files.exe)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', fields: { base64: 'is not a PDF, PNG, JPEG or WebP file' } }),
    );
    expect(listClientDocuments(t.db, clientId)).toEqual([]);
  });

  it('stores the bytes with size and sha256, lists without content and opens with it', () => {
    const doc = upload('Hosting agreement.pdf', files.pdf);
    expect(doc).toMatchObject({
      mime: 'application/pdf',
      sizeBytes: files.pdf.length,
      sha256: createHash('sha256').update(files.pdf).digest('hex'),
      uploadedBy: actor,
    });
    expect(listClientDocuments(t.db, clientId)).toEqual([doc]);
    expect(Buffer.from(getClientDocument(t.db, doc.id).base64, 'base64').equals(files.pdf)).toBe(true);
  });

  it('refuses more than 7 MB in the service and in the input schema', () => {
    const big = Buffer.concat([files.pdf, Buffer.alloc(maxDocumentBytes)]);
    expect(() => upload('big.pdf', big)).toThrow(/documents may be at most 7 MB/);
    const parsed = contract['clients.documents.upload'].input.safeParse({
      clientId,
      fileName: 'big.pdf',
      base64: Buffer.alloc(maxDocumentBytes + 10).toString('base64'),
    });
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['base64'], message: 'must be at most 7 MB' });
  });

  it('refuses file names with path characters', () => {
    expect(contract['clients.documents.upload'].input.safeParse({ clientId, fileName: '../../etc/passwd', base64: 'AA==' }).success).toBe(false);
  });

  it('deletes the bytes but keeps name, size and checksum in the audit trail', () => {
    const doc = upload('id-card.png', files.png);
    deleteClientDocument(t.db, doc.id, actor);
    expect(listClientDocuments(t.db, clientId)).toEqual([]);
    expect(() => getClientDocument(t.db, doc.id)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    const [removed] = listAudit(t.db, { clientId, entity: 'client_document', limit: 1, offset: 0 }).rows;
    expect(removed).toMatchObject({ action: 'client.document_removed', before: { fileName: 'id-card.png', sizeBytes: files.png.length, sha256: doc.sha256 } });
    expect(JSON.stringify(removed)).not.toContain(files.png.toString('base64'));
  });
});
