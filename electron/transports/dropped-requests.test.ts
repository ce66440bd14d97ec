import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openTempDb } from '../../tests/helpers/temp-db';
import { createAuth } from '../services/auth/auth.service';
import { createHandlers } from '../services/handlers';
import { droppedRequestLog } from './dropped-requests';
import { startHttpServer } from './http';

afterEach(() => vi.useRealTimers());

describe('requests dropped by their clients', () => {
  it('are logged once per minute with a count, the first at once', () => {
    vi.useFakeTimers();
    const log = { error: vi.fn(), info: vi.fn() };
    const drops = droppedRequestLog(log);
    for (let i = 0; i < 5; i += 1) drops.note();
    expect(log.info).toHaveBeenCalledTimes(1);
    expect(log.info.mock.calls).toEqual([[{ count: 1 }, '1 client closed the connection before sending the whole request']]);
    vi.advanceTimersByTime(60_000);
    expect(log.info.mock.calls[1]).toEqual([{ count: 4 }, '4 clients closed the connection before sending the whole request']);
    vi.advanceTimersByTime(60_000);
    drops.note();
    expect(log.info).toHaveBeenCalledTimes(3);
    expect(log.error).not.toHaveBeenCalled();
  });

  it('over HTTP: twenty clients closing mid-body make one log line and no stack trace', async () => {
    const t = openTempDb();
    const rendererDir = join(t.dir, 'renderer');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
    const log = { error: vi.fn(), info: vi.fn() };
    const token = 'drop-test-token';
    const server = await startHttpServer({ handlers: createHandlers(t.db, { version: 'test' }), auth: createAuth(t.db), token, rendererDir, log });
    try {
      const dropOne = () =>
        new Promise<void>((done) => {
          const socket = connect(server.port, '127.0.0.1', () => {
            socket.write(
              `POST /api/sites.list HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"sea`,
            );
            setTimeout(() => socket.destroy(), 20);
          });
          socket.on('close', () => done());
        });
      await Promise.all(Array.from({ length: 20 }, dropOne));
      await vi.waitFor(() => expect(log.info).toHaveBeenCalled(), { timeout: 5_000 });
      const answer = await fetch(`${server.url}/api/sites.list`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: '{}' });
      expect(answer.status).toBe(200);
      expect(log.info.mock.calls).toEqual([[{ count: 1 }, '1 client closed the connection before sending the whole request']]);
      expect(log.error).not.toHaveBeenCalled();
    } finally {
      await server.close();
      t.close();
    }
  });
});
