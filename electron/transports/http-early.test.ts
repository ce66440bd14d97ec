import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listenWhileStarting, type StartingServer } from './http-early';

let dir: string;
let server: StartingServer;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hashdesk-early-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><link rel="stylesheet" href="/assets/app.css"><script type="module" src="/assets/app.js"></script><title>Hashdesk</title>',
  );
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'assets', 'app.css'), 'body{}');
  server = await listenWhileStarting(0, dir);
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

type Reply = { status: number; body: string; headers: Record<string, string | string[] | undefined> };

function send(path: string, options: { method?: string; host?: string; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers = { host: options.host ?? `127.0.0.1:${server.port}` };
    const req = request(`${server.url}${path}`, { method: options.method ?? 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString(), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Whether the promise has settled by the time the event loop has turned a few times. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  return done;
}

describe('the loopback server while the services start', () => {
  it('serves the page and its files at once, with the page headers, and refuses a foreign host name', async () => {
    const page = await send('/clients/7');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Hashdesk</title>');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await send('/assets/app.js')).body).toBe('console.log(1)');
    expect((await send('/assets/missing.js')).status).toBe(404);
    const rebound = await send('/', { host: 'evil.example:80' });
    expect(rebound.status).toBe(403);
  });

  it('holds an API call, body and all, until the full handling takes over, then it answers every request', async () => {
    const call = send('/api/app.info', { method: 'POST', body: '{"a":1}' });
    expect(await settled(call)).toBe(false);
    const seen: string[] = [];
    server.handOver((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push(`${req.method} ${req.url} ${Buffer.concat(chunks).toString()}`);
        res.end('handled');
      });
    });
    expect((await call).body).toBe('handled');
    expect((await send('/assets/app.js')).body).toBe('handled');
    expect(seen).toEqual(['POST /api/app.info {"a":1}', 'GET /assets/app.js ']);
  });

  it('wants the services once the page and every file it names have been sent', async () => {
    expect(await settled(server.servicesWanted)).toBe(false);
    await send('/clients/7');
    await send('/assets/app.js');
    expect(await settled(server.servicesWanted)).toBe(false);
    await send('/assets/app.css');
    expect(await settled(server.servicesWanted)).toBe(true);
  });

  it('wants the services at the first request that has to wait for them', async () => {
    void send('/api/auth.status', { method: 'POST', body: '{}' }).catch(() => undefined);
    await expect(server.servicesWanted).resolves.toBeUndefined();
  });

  it('wants the services a moment after listening when no browser comes', async () => {
    expect(await settled(server.servicesWanted)).toBe(false);
    await expect(server.servicesWanted).resolves.toBeUndefined();
  });
});
