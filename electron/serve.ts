import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { permissionsOfRole } from './contract/roles';
import { defaultDataDir } from './data-dir';
import { assertLanCanStart, isLoopbackDefault, lanOptionsOf, listenFailureSentence } from './lan-serve';
import { startRuntime } from './runtime';
import { clearStaleServerFile, releaseOnEveryExit, serverFileRelease, writeServerFile } from './server-file';
import { hasNoChanges } from './services/audit/audit.service';
import { startHttpServer } from './transports/http';

/**
 * `npm run serve -- [--data DIR] [--port N] [--demo] [--poll] [--host ADDRESS [--tls-cert FILE --tls-key FILE] [--origin URL]]`
 * (--poll: run the telemetry poller on its timer): the real services and renderer, for a browser on this machine, or
 * with --host (other than 127.0.0.1) or --origin for the office network, sign-in mandatory (README: Serving the office network).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      port: { type: 'string', default: '0' },
      demo: { type: 'boolean', default: false },
      poll: { type: 'boolean', default: false },
      host: { type: 'string', default: '127.0.0.1' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      origin: { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a whole number from 0 to 65535, not "${values.port}".`);
  const onLan = !isLoopbackDefault(values.host) || values.origin !== undefined || values['tls-cert'] !== undefined;
  const lan = onLan
    ? lanOptionsOf({ host: values.host, tlsCertPath: values['tls-cert'], tlsKeyPath: values['tls-key'], publicOrigin: values.origin })
    : undefined;
  const dataDir = resolve(values.data ?? defaultDataDir());
  clearStaleServerFile(dataDir);
  const runtime = startRuntime(dataDir, { poll: values.poll });
  if (values.demo) {
    if (hasNoChanges(runtime.db)) {
      const summary = await runtime.handlers['demo.seed']({}, { actor: 'demo', log: runtime.log, permissions: permissionsOfRole('administrator') });
      console.log(`Demo facility created: ${JSON.stringify(summary.created)}`);
    } else console.log('The database already holds data; --demo added nothing.');
  }
  if (lan) assertLanCanStart(runtime.db);
  const token = randomBytes(32).toString('base64url');
  const rendererDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
  const options = { handlers: runtime.handlers, auth: runtime.auth, token, rendererDir, log: runtime.log, port, lan };
  const server = await startHttpServer(options).catch((error: unknown) => {
    throw new Error(listenFailureSentence(error, lan?.host ?? '127.0.0.1', port), { cause: error });
  });
  // The exits are watched before the file appears: whoever sees server.json may stop this process at once.
  releaseOnEveryExit(
    serverFileRelease(dataDir, process.pid),
    async () => {
      await server.close();
      runtime.close();
    },
    (error) => {
      runtime.log.error({ err: error }, 'uncaught error: the server stops');
      runtime.log.flush();
      console.error(`hashdesk serve stopped: ${error instanceof Error ? error.message : String(error)}`);
    },
  );
  writeServerFile(dataDir, { url: server.url, token, pid: process.pid });
  // On the office network browsers need no token (they sign in); server.json keeps it for scripts on this computer.
  if (lan) console.log(`Hashdesk is serving ${dataDir} to the office network\nOpen ${server.url}/ in a browser there and sign in`);
  else console.log(`Hashdesk is serving ${dataDir}\nOpen ${server.url}/#token=${token}`);
}

main().catch((error: unknown) => {
  console.error(`hashdesk serve: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
