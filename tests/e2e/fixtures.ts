import { mkdtempSync, rmSync } from 'node:fs';
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
