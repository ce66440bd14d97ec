import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { apiClient, startServer, type Api, type HashdeskServer } from '../helpers/serve-process';

export { apiClient, startServer, type Api, type HashdeskServer, type ServerInfo } from '../helpers/serve-process';

/**
 * What the printed address does for a page: put the access token where the renderer's client finds it. The
 * script runs in every frame, and frames without storage (Chromium's PDF viewer in the invoice preview) skip it.
 */
export const tokenInitScript = (token: string): string => `window.sessionStorage?.setItem('hashdesk.token', ${JSON.stringify(token)});`;

type Fixtures = {
  serverArgs: string[];
  server: HashdeskServer;
  api: Api;
  consoleErrors: string[];
};

/** Per worker: a data folder holding the demo facility, seeded on first use by `serve --demo` itself. */
type WorkerFixtures = { demoTemplate: () => Promise<string> };

/** The files of a data folder that make its facility: the database (closed, so whole) and the key its secrets are sealed with. */
const facilityFiles = ['hashdesk.db', 'secret.key'];

/** A new data folder: empty, or (with --demo) a copy of the worker's demo facility, which `serve --demo` then leaves as it is. */
async function dataFolderFor(serverArgs: string[], demoTemplate: () => Promise<string>): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hashdesk-e2e-'));
  if (serverArgs.includes('--demo')) {
    const template = await demoTemplate();
    for (const file of facilityFiles) copyFileSync(join(template, file), join(dataDir, file));
  }
  return dataDir;
}

/**
 * Each test gets its own data folder and server. The page carries the token (as the printed
 * address would give it) and fails the test on any console error. A test with --demo starts from a copy of the
 * demo facility its worker seeded once (seeding is most of a demo server's start), not a seed of its own.
 */
export const test = base.extend<Fixtures, WorkerFixtures>({
  serverArgs: [[], { option: true }],
  demoTemplate: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
    async ({}, use) => {
      let seeded: Promise<string> | null = null;
      const seed = async () => {
        const dir = mkdtempSync(join(tmpdir(), 'hashdesk-e2e-demo-'));
        const server = await startServer(dir, ['--demo']);
        await server.stop();
        return dir;
      };
      await use(() => (seeded ??= seed()));
      if (seeded) rmSync(await seeded, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  // Its own time budget: starting a server (with --demo, seeding the worker's facility once) does not eat into the test's.
  server: [
    async ({ serverArgs, demoTemplate }, use) => {
      const dataDir = await dataFolderFor(serverArgs, demoTemplate);
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
