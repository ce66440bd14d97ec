import { randomBytes } from 'node:crypto';
import { assertLanCanStart, lanOptionsOf } from './lan-serve';
import { listenFailureSentence } from './listen-address';
import type { Runtime } from './runtime';
import { noteOfficeLanStart, readOfficeLanSetting } from './services/office-lan/office-lan.service';
import { type RunningHttpServer, startHttpServer } from './transports/http';

/**
 * The desktop app serves the office network when Settings › Office network says so, read at start: the same server as
 * `npm run serve -- --host`. A setting that cannot be served (an address this computer lost, a taken port, no
 * administrator) does not stop the app: the reason is logged and shown in that section.
 */
export async function startOfficeLanServer(runtime: Runtime, rendererDir: string): Promise<RunningHttpServer | null> {
  const setting = readOfficeLanSetting(runtime.dataDir);
  if (!setting.enabled) return null;
  try {
    const lan = lanOptionsOf({ host: setting.host, tlsCertPath: setting.tlsCertPath || undefined, tlsKeyPath: setting.tlsKeyPath || undefined });
    assertLanCanStart(runtime.db);
    // No one uses this token: browsers on the office network sign in, and scripts use personal API tokens.
    const token = randomBytes(32).toString('base64url');
    const server = await startHttpServer({ handlers: runtime.handlers, auth: runtime.auth, token, rendererDir, log: runtime.log, port: setting.port, lan });
    noteOfficeLanStart({ url: server.url });
    runtime.log.info({ url: server.url }, 'serving the office network');
    return server;
  } catch (error) {
    noteOfficeLanStart({ error: listenFailureSentence(error, setting.host, setting.port) });
    runtime.log.error({ err: error }, 'the office network server did not start');
    return null;
  }
}
