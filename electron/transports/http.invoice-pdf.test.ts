import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clients } from '../../db/schema';
import { setTaxes } from '../../tests/helpers/billing-fixtures';
import { activeWith, openContractsDb, type ContractsWorld } from '../../tests/helpers/contract-fixtures';
import { permissionsOfRole } from '../contract/roles';
import { createAuth } from '../services/auth/auth.service';
import { createHandlers } from '../services/handlers';
import { createInvoiceBatches } from '../services/invoices/invoices.batch';
import { startHttpServer, type RunningHttpServer } from './http';

const token = 'pdf-token-0123456789';
const silentLog = { error: () => {}, info: () => {} };
let w: ContractsWorld;
let server: RunningHttpServer;
let invoiceId: number;
let invoiceNumber: string;

beforeAll(async () => {
  w = openContractsDb();
  setTaxes(w.db, [{ name: 'Sales tax', percent: '10' }]);
  w.db.update(clients).set({ name: 'Zoë Łukasiewicz' }).where(eq(clients.id, w.acme.id)).run();
  activeWith(w.db, { clientId: w.acme.id, siteId: w.site.id, type: 'infinity', pricePerThsDay: '0.05', contractedThs: '100' }, []);
  const batch = await createInvoiceBatches(w.db).run({ period: '2026-03', skipExisting: false, issue: true }, 'tester');
  invoiceId = batch.invoiceIds[0];
  const rendererDir = join(w.t.dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Hashdesk</title>');
  const handlers = createHandlers(w.db, { version: 'test' });
  invoiceNumber = (await handlers['invoices.get']({ id: invoiceId }, { actor: 'tester', log: silentLog, permissions: permissionsOfRole('administrator') }))
    .number!;
  server = await startHttpServer({ handlers, auth: createAuth(w.db), token, rendererDir, log: silentLog });
});
afterAll(async () => {
  await server.close();
  w.t.close();
});

type Reply = { status: number; body: Buffer; headers: Record<string, string | string[] | undefined> };

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks), headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}
const auth = { authorization: `Bearer ${token}` };

describe('GET /files/invoices/<id>.pdf', () => {
  it('refuses a missing or wrong token and sends no PDF', async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer wrong' }, { authorization: token }];
    for (const headers of attempts) {
      const reply = await get(`/files/invoices/${invoiceId}.pdf`, headers);
      expect(reply.status).toBe(401);
      expect(reply.headers['content-type']).toMatch(/json/);
      expect(reply.body.subarray(0, 4).toString()).not.toBe('%PDF');
    }
    expect((await get(`/files/invoices/${invoiceId}.pdf?token=${token}`)).status).toBe(401);
  });

  it('sends the issued invoice as a PDF download with the right token', async () => {
    expect(invoiceNumber).toMatch(/^INV-\d{4}-\d{6}$/);
    const reply = await get(`/files/invoices/${invoiceId}.pdf`, auth);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/pdf');
    expect(reply.headers['content-disposition']).toBe(`attachment; filename="${invoiceNumber}.pdf"`);
    expect(reply.body.subarray(0, 5).toString()).toBe('%PDF-');
    const file = join(w.t.dir, 'download.pdf');
    writeFileSync(file, reply.body);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(invoiceNumber);
    expect(text).toContain('Zoë Łukasiewicz');
    expect(text).toContain('Sales tax (10%)');
    expect(text).toContain('Page 1 of 1');
  });

  it('prints on Letter when asked, and says what is wrong with an unknown invoice, a bad id or a bad paper size', async () => {
    const letter = await get(`/files/invoices/${invoiceId}.pdf?paper=LETTER`, auth);
    expect(letter.status).toBe(200);
    const file = join(w.t.dir, 'letter.pdf');
    writeFileSync(file, letter.body);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+612 x 792/);
    const unknown = await get('/files/invoices/999999.pdf', auth);
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body.toString())).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    for (const path of ['/files/invoices/abc.pdf', `/files/invoices/${invoiceId}.pdf?paper=A3`]) {
      const reply = await get(path, auth);
      expect(reply.status).toBe(400);
      expect(JSON.parse(reply.body.toString())).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect((await get(`/files/invoices/${invoiceId}.pdf`, auth, 'POST')).status).toBe(400);
  });
});
