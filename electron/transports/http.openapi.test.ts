import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHttpServer } from '../../tests/helpers/http-server';
import { openTempDb, type TempDb } from '../../tests/helpers/temp-db';
import { contract } from '../contract';
import type { RunningHttpServer } from './http';

const token = 'openapi-test-token-42';
let t: TempDb;
let server: RunningHttpServer;

beforeAll(async () => {
  t = openTempDb();
  server = await startTestHttpServer(t.db, t.dir, { token });
});
afterAll(async () => {
  await server.close();
  t.close();
});

const fetchDocument = (headers: Record<string, string> = {}, method = 'GET') => fetch(`${server.url}/api/openapi.json`, { method, headers });

describe('GET /api/openapi.json', () => {
  it('answers 401 with the envelope without the token or with a wrong one', async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer wrong' }, { authorization: token }];
    for (const headers of attempts) {
      const reply = await fetchDocument(headers);
      expect(reply.status).toBe(401);
      expect(await reply.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
  });

  it('answers the OpenAPI document with the token', async () => {
    const reply = await fetchDocument({ authorization: `Bearer ${token}` });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const document = (await reply.json()) as { openapi: string; paths: Record<string, { post: { 'x-permission': string } }> };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toHaveLength(Object.keys(contract).length);
    expect(document.paths['/api/payments.record'].post['x-permission']).toBe('billing.edit');
  });

  it('is a GET of that one path only: POST looks for a procedure of that name', async () => {
    const reply = await fetchDocument({ authorization: `Bearer ${token}` }, 'POST');
    expect(reply.status).toBe(404);
    expect(await reply.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await fetch(`${server.url}/api/openapi.json/x`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(400);
  });
});
