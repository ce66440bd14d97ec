import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CallName, Input, Result } from '../../electron/contract';
import type { Outcome } from '../../electron/contract/errors';

/** The built `serve` entry as a child process, and a typed API client to it: for end-to-end tests, crash tests and benches. */
export type ServerInfo = { url: string; token: string; pid: number };

export type HashdeskServer = {
  dataDir: string;
  info: ServerInfo;
  /** Stops the server (SIGTERM) and starts it again on the same data folder. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  /** Ends the server at once (SIGKILL), as a crash or power cut would. */
  kill(): Promise<void>;
};

const serveScript = join(process.cwd(), 'out', 'main', 'serve.js');

/**
 * server.json, once the server has written it: looked for when the server prints (it writes the file just before
 * its "Open …" line), and every 100 ms in case the line is missed.
 */
async function waitForServerFile(dataDir: string, child: ChildProcess, output: () => string): Promise<ServerInfo> {
  const file = join(dataDir, 'server.json');
  let printed: () => void = () => undefined;
  const onOutput = () => printed();
  child.stdout!.on('data', onOutput);
  try {
    for (const startedAt = Date.now(); Date.now() - startedAt < 30_000;) {
      if (child.exitCode !== null) throw new Error(`npm run serve exited early:\n${output()}`);
      if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as ServerInfo;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        printed = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  } finally {
    child.stdout!.off('data', onOutput);
  }
  throw new Error(`npm run serve did not start within 30 s:\n${output()}`);
}

/** Runs the built `serve` entry on a temp data folder, exactly as `npm run serve -- --data DIR` does. */
export async function startServer(dataDir: string, args: string[] = []): Promise<HashdeskServer> {
  if (!existsSync(serveScript)) throw new Error('out/main/serve.js is missing: run `npm run build` first.');
  let child: ChildProcess;
  let output = '';
  const launch = async () => {
    rmSync(join(dataDir, 'server.json'), { force: true });
    child = spawn(process.execPath, [serveScript, '--data', dataDir, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    return waitForServerFile(dataDir, child, () => output);
  };
  const end = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  const stop = () => end('SIGTERM');
  const server: HashdeskServer = {
    dataDir,
    info: await launch(),
    async restart() {
      await stop();
      server.info = await launch();
    },
    stop,
    kill: () => end('SIGKILL'),
  };
  return server;
}

/** The typed API client of a test. */
export type Api = ReturnType<typeof apiClient>;

/** A typed API client over the same HTTP transport the page uses. */
export function apiClient(server: HashdeskServer) {
  return {
    async raw<K extends CallName>(name: K, input: Input<K>): Promise<Outcome<Result<K>>> {
      const response = await fetch(`${server.info.url}/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${server.info.token}` },
        body: JSON.stringify(input),
      });
      return (await response.json()) as Outcome<Result<K>>;
    },
    async call<K extends CallName>(name: K, input: Input<K>): Promise<Result<K>> {
      const outcome = await this.raw(name, input);
      if (!outcome.ok) throw new Error(`${name} failed: ${outcome.error.message}`);
      return outcome.value;
    },
  };
}
