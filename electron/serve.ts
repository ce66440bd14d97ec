import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDataDir } from './data-dir';
import { isLoopbackDefault, listenFailureSentence } from './listen-address';
import type { LoopbackServices } from './serve-services';
import { announceServer, clearStaleServerFile, stoppedSentence } from './server-file';
import { listenWhileStarting } from './transports/http-early';

/**
 * `npm run serve -- [--data DIR] [--port N] [--demo] [--poll] [--host ADDRESS [--tls-cert FILE --tls-key FILE] [--origin URL]]`
 * (--poll: run the telemetry poller on its timer): the real services and renderer, for a browser on this machine, or
 * with --host (other than 127.0.0.1) or --origin for the office network, sign-in mandatory (README: Serving the office network).
 *
 * On this machine the server listens and prints its address first, with this file's few imports; the services
 * (serve-services.ts: database, procedures, timers) load and start after that, while the browser loads the page,
 * and API calls made meanwhile wait for them. If they cannot start, the process says why and exits, and server.json
 * goes with it.
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
  const dataDir = resolve(values.data ?? defaultDataDir());
  clearStaleServerFile(dataDir);
  const options = {
    dataDir,
    token: randomBytes(32).toString('base64url'),
    rendererDir: join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer'),
    poll: values.poll,
    demo: values.demo,
  };
  const onLan = !isLoopbackDefault(values.host) || values.origin !== undefined || values['tls-cert'] !== undefined;
  if (onLan) {
    const { serveOfficeNetwork } = await import('./serve-services');
    return serveOfficeNetwork(
      options,
      { host: values.host, tlsCertPath: values['tls-cert'], tlsKeyPath: values['tls-key'], publicOrigin: values.origin },
      port,
    );
  }

  const server = await listenWhileStarting(port, options.rendererDir).catch((error: unknown) => {
    throw new Error(listenFailureSentence(error, '127.0.0.1', port), { cause: error });
  });
  let services: LoopbackServices | null = null;
  // A stop asked for while the services start waits for them: a demo facility is seeded whole, a migration ends.
  const starting = (async () => {
    await server.servicesWanted;
    const { startLoopbackServices } = await import('./serve-services');
    services = await startLoopbackServices(options, server.port);
    server.handOver(services.listener);
  })();
  announceServer(
    dataDir,
    { url: server.url, token: options.token, pid: process.pid },
    async () => {
      await server.close();
      await starting.catch(() => undefined);
      services?.close();
    },
    (error) => {
      services?.logFatal(error);
      console.error(stoppedSentence(error));
    },
  );
  console.log(`Hashdesk is serving ${dataDir}\nOpen ${server.url}/#token=${options.token}`);
  await starting;
}

main().catch((error: unknown) => {
  console.error(`hashdesk serve: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
