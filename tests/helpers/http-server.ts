import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../db/open-db';
import { createAuth, type AuthService } from '../../electron/services/auth/auth.service';
import { createHandlers } from '../../electron/services/handlers';
import { startHttpServer, type RunningHttpServer } from '../../electron/transports/http';
import type { LanOptions } from '../../electron/transports/http-lan';

/** The HTTP transport on 127.0.0.1 (or, given `lan`, another loopback address) over a test database, with a stand-in renderer page and a quiet log. */
export function startTestHttpServer(db: Db, dir: string, options: { token: string; auth?: AuthService; lan?: LanOptions }): Promise<RunningHttpServer> {
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Hashdesk</title>');
  const auth = options.auth ?? createAuth(db);
  const handlers = createHandlers(db, { version: 'test', auth });
  return startHttpServer({ handlers, auth, token: options.token, rendererDir, log: { error: () => {}, info: () => {} }, lan: options.lan });
}
