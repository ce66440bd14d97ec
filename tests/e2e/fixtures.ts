import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import type { CallName, Input, Result } from '../../electron/contract';
import type { Outcome } from '../../electron/contract/errors';

export type ServerInfo = { url: string; token: string; pid: number };

export type HashdeskServer = {
  dataDir: string;
  info: ServerInfo;
  /** Stops the server (SIGTERM) and starts it again on the same data folder. */
  restart(): Promise<void>;
  stop(): Promise<void>;
};

const serveScript = join(process.cwd(), 'out', 'main', 'serve.js');

async function waitForServerFile(dataDir: string, child: ChildProcess, output: () => string): Promise<ServerInfo> {
  const file = join(dataDir, 'server.json');
  for (let waited = 0; waited < 30_000; waited += 100) {
    if (child.exitCode !== null) throw new Error(`npm run serve exited early:\n${output()}`);
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as ServerInfo;
    await new Promise((r) => setTimeout(r, 100));
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
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const server: HashdeskServer = {
    dataDir,
    info: await launch(),
    async restart() {
      await stop();
      server.info = await launch();
    },
    stop,
  };
  return server;
}

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

/** What the printed address does for a page: put the access token where the renderer's client finds it. */
export const tokenInitScript = (token: string): string => `sessionStorage.setItem('hashdesk.token', ${JSON.stringify(token)});`;

type Fixtures = {
  serverArgs: string[];
  server: HashdeskServer;
  api: ReturnType<typeof apiClient>;
  consoleErrors: string[];
};

/**
 * Each test gets its own data folder and server. The page carries the token (as the printed
 * address would give it) and fails the test on any console error.
 */
export const test = base.extend<Fixtures>({
  serverArgs: [[], { option: true }],
  // Its own time budget: starting a server (with --demo, seeding a facility) does not eat into the test's.
  server: [
    async ({ serverArgs }, use) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'hashdesk-e2e-'));
      const server = await startServer(dataDir, serverArgs);
      await use(server);
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
    { timeout: 60_000 },
  ],
  baseURL: async ({ server }, use) => use(server.info.url),
  api: async ({ server }, use) => use(apiClient(server)),
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  consoleErrors: async ({}, use) => use([]),
  page: async ({ page, server, consoleErrors }, use) => {
    await page.addInitScript(tokenInitScript(server.info.token));
    page.on('console', (message) => {
      // A refused API call (400, 409…) is an answer the page shows in words; the browser still logs it.
      const refusedApiCall = /status of 4\d\d/.test(message.text()) && message.location().url.includes('/api/');
      if (message.type() === 'error' && !refusedApiCall) consoleErrors.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 500) consoleErrors.push(`HTTP ${response.status()} ${response.url()}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));

    await use(page);
    expect(consoleErrors, 'the page logged errors').toEqual([]);
  },
});

export { expect };
