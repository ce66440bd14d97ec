import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempDb, type TempDb } from '../../tests/helpers/temp-db';
import { createAuth } from '../services/auth/auth.service';
import { createHandlers } from '../services/handlers';
import { maxBodyBytes, startHttpServer, type RunningHttpServer } from './http';

const token = 'test-token-0123456789';
const silentLog = { error: () => {}, info: () => {} };
let t: TempDb;
let server: RunningHttpServer;

beforeAll(async () => {
  t = openTempDb();
  const rendererDir = join(t.dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Hashdesk</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  server = await startHttpServer({ handlers: createHandlers(t.db, { version: 'test' }), auth: createAuth(t.db), token, rendererDir, log: silentLog });
});
afterAll(async () => {
  await server.close();
  t.close();
});

type Reply = { status: number; body: string; headers: Record<string, string | string[] | undefined> };

/** A raw request, so headers and bodies can be as broken as a caller may send them. */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method: options.method ?? 'POST', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString(), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const api = (name: string, body: unknown, headers: Record<string, string> = auth) => send(`/api/${name}`, { headers, body: JSON.stringify(body) });
const auditCount = () => (t.db.$client.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
const settingsRows = () => (t.db.$client.prepare('SELECT count(*) AS n FROM settings').get() as { n: number }).n;

const validSettings = {
  organisationName: 'Northwind',
  address: '',
  taxId: '',
  currency: 'USD',
  timeZone: 'UTC',
  energyRatePerKwh: '0.05',
  invoicePrefix: 'NW-',
};

describe('HTTP transport: bad input changes nothing and says why', () => {
  it('answers 401 without a token or with a wrong one', async () => {
    const attempts: Record<string, string>[] = [{ 'content-type': 'application/json' }, { authorization: 'Bearer wrong' }, { authorization: token }];
    for (const headers of attempts) {
      const reply = await api('settings.update', validSettings, headers);
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    expect(settingsRows()).toBe(0);
  });

  it('answers 404 for an unknown procedure', async () => {
    const reply = await api('settings.destroy', {});
    expect(reply.status).toBe(404);
    expect(JSON.parse(reply.body).error.message).toBe('There is no API procedure named "settings.destroy".');
  });

  it('answers 400 with per-field reasons for wrong types and missing fields', async () => {
    const wrongTypes = await api('settings.update', { ...validSettings, organisationName: 42, currency: 'DOLLARS' });
    expect(wrongTypes.status).toBe(400);
    const body = JSON.parse(wrongTypes.body);
    expect(body.error.code).toBe('INVALID_INPUT');
    expect(Object.keys(body.error.fields)).toEqual(['organisationName', 'currency']);
    expect(body.error.message).toMatch(/^Organisation name: .*Currency: must be a three-letter ISO 4217 currency code/);

    const missing = await api('settings.update', { organisationName: 'X' });
    expect(missing.status).toBe(400);
    expect(Object.keys(JSON.parse(missing.body).error.fields)).toEqual(expect.arrayContaining(['currency', 'timeZone', 'energyRatePerKwh']));

    const extra = await api('settings.update', { ...validSettings, isAdmin: true });
    expect(extra.status).toBe(400);
    expect(settingsRows()).toBe(0);
    expect(auditCount()).toBe(0);
  });

  it('answers 400 for a malformed JSON body', async () => {
    const reply = await send('/api/settings.update', { headers: auth, body: '{"organisationName": "x",' });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).error.message).toBe('The request body is not valid JSON.');
  });

  it('answers 413 for a body over 10 MB, declared or streamed', async () => {
    const huge = Buffer.alloc(maxBodyBytes + 1, 0x20);
    const declared = await send('/api/settings.update', { headers: auth, body: huge });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error.code).toBe('TOO_LARGE');
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}/api/settings.update`, { method: 'POST', headers: { ...auth, 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      for (let i = 0; i < 11; i++) req.write(chunk);
      req.end();
    });
    expect(streamed).toBe(413);
    expect(settingsRows()).toBe(0);
  });

  it('refuses GET on the API and requests addressed to another host name (DNS rebinding)', async () => {
    expect((await send('/api/settings.get', { method: 'GET', headers: auth })).status).toBe(400);
    const rebound = await send('/api/settings.get', { headers: { ...auth, host: 'evil.example:80' }, body: '{}' });
    expect(rebound.status).toBe(403);
  });

  it('answers 200 with the envelope for a good call, and the change is audited', async () => {
    const reply = await api('settings.update', validSettings);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { organisationName: 'Northwind' } });
    expect(auditCount()).toBe(1);
    const conflict = await api('demo.seed', {});
    expect(conflict.status).toBe(409);
  });
});

describe('HTTP transport: the renderer', () => {
  it('serves files and app routes with the CSP, and nothing outside the folder', async () => {
    const page = await send('/clients?status=active', { method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Hashdesk</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    // Frames show only blobs the page made (the invoice PDF preview); plugins stay off.
    expect(page.headers['content-security-policy']).toContain('frame-src blob:;');
    expect(page.headers['content-security-policy']).toContain("object-src 'none'");
    expect((await send('/assets/app.js', { method: 'GET' })).headers['content-type']).toContain('text/javascript');
    expect((await send('/assets/missing.js', { method: 'GET' })).status).toBe(404);
    expect((await send('/../hashdesk.db', { method: 'GET' })).status).not.toBe(200);
    expect((await send('/%2e%2e/hashdesk.db', { method: 'GET' })).status).toBe(404);
  });
});
