import type { RequestListener } from 'node:http';
import { permissionsOfRole } from './contract/roles';
import { assertLanCanStart, lanOptionsOf, type LanRequest } from './lan-serve';
import { listenFailureSentence } from './listen-address';
import { startRuntime, type Runtime } from './runtime';
import { announceServer, stoppedSentence } from './server-file';
import { hasNoChanges } from './services/audit/audit.service';
import { loopbackRequestListener, startHttpServer } from './transports/http';

/**
 * The services behind `npm run serve`: the runtime (database, procedures, timers) and its HTTP handling. serve.ts
 * loads this module only after its loopback server listens, so that the page loads while these start.
 */
export type ServeOptions = { dataDir: string; token: string; rendererDir: string; poll: boolean; demo: boolean };

/** An uncaught error that stops the server, in the log before the process ends. */
function logFatal(log: Runtime['log'], error: unknown): void {
  log.error({ err: error }, 'uncaught error: the server stops');
  log.flush();
}

async function startServices(options: ServeOptions): Promise<Runtime> {
  const runtime = startRuntime(options.dataDir, { poll: options.poll });
  if (options.demo) {
    if (hasNoChanges(runtime.db)) {
      const summary = await runtime.handlers['demo.seed']({}, { actor: 'demo', log: runtime.log, permissions: permissionsOfRole('administrator') });
      console.log(`Demo facility created: ${JSON.stringify(summary.created)}`);
    } else console.log('The database already holds data; --demo added nothing.');
  }
  return runtime;
}

export type LoopbackServices = { listener: RequestListener; logFatal(error: unknown): void; close(): void };

/** The services for the loopback server already listening on `port` (transports/http-early.ts). */
export async function startLoopbackServices(options: ServeOptions, port: number): Promise<LoopbackServices> {
  const runtime = await startServices(options);
  const { handlers, auth, log } = runtime;
  const handling = loopbackRequestListener({ handlers, auth, log, token: options.token, rendererDir: options.rendererDir }, port);
  return {
    listener: handling.listener,
    logFatal: (error) => logFatal(log, error),
    close() {
      handling.stop();
      runtime.close();
    },
  };
}

/**
 * The office network (README: Serving the office network): everything starts, and the administrator account is
 * checked, before the server listens and says where; a start that cannot serve the network leaves no address behind.
 */
export async function serveOfficeNetwork(options: ServeOptions, request: LanRequest, port: number): Promise<void> {
  const lan = lanOptionsOf(request);
  const runtime = await startServices(options);
  assertLanCanStart(runtime.db);
  const { handlers, auth, log } = runtime;
  const server = await startHttpServer({ handlers, auth, log, token: options.token, rendererDir: options.rendererDir, port, lan }).catch((error: unknown) => {
    throw new Error(listenFailureSentence(error, lan.host, port), { cause: error });
  });
  announceServer(
    options.dataDir,
    { url: server.url, token: options.token, pid: process.pid },
    async () => {
      await server.close();
      runtime.close();
    },
    (error) => {
      logFatal(log, error);
      console.error(stoppedSentence(error));
    },
  );
  // On the office network browsers need no token (they sign in); server.json keeps it for scripts on this computer.
  console.log(`Hashdesk is serving ${options.dataDir} to the office network\nOpen ${server.url}/ in a browser there and sign in`);
}
