import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { apiClient, startServer } from '../helpers/serve-process';
import { selfSignedCertificate } from '../helpers/self-signed';
import { test as withServer } from './fixtures';

// 127.0.0.2 stands in for the office PC's LAN address: no other address is ever used.
const lanHost = '127.0.0.2';

/** A data folder whose administrator was made on this computer first (as the README says), then served to the "LAN". */
async function withLanServer(args: (dataDir: string) => string[], body: (url: string) => Promise<void>, seed: string[] = []) {
  const dataDir = mkdtempSync(join(tmpdir(), 'hashdesk-lan-'));
  try {
    const local = await startServer(dataDir, seed);
    await apiClient(local).call('auth.setupAdministrator', { name: 'Ada Admin', login: 'ada', password: 'correct horse battery' });
    await local.stop();
    const lan = await startServer(dataDir, ['--host', lanHost, ...args(dataDir)]);
    try {
      await body(lan.info.url);
    } finally {
      await lan.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function signInAt(page: Page, url: string) {
  await page.goto(`${url}/`);
  await expect(page.getByRole('heading', { name: 'Sign in to Hashdesk' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Login', exact: true }).fill('ada');
  await page.locator('input[type=password]').fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Signed in as Ada Admin' })).toBeVisible();
}

test('a browser on the office network opens the LAN address with no token, signs in and sees the dashboard; its session cookie is out of scripts’ reach', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await withLanServer(
    () => [],
    async (url) => {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/);
      await signInAt(page, url);
      await expect(page.getByTestId('dashboard-figures')).toBeVisible({ timeout: 30_000 });

      const [cookie] = await context.cookies(url);
      expect(cookie).toMatchObject({ name: 'hashdesk-session', httpOnly: true, sameSite: 'Strict', path: '/', secure: false });
      // What the page's own scripts can reach (this file is type-checked without the DOM library).
      const seenByScripts = await page.evaluate(() => {
        const { document, sessionStorage, localStorage } = globalThis as unknown as {
          document: { cookie: string };
          sessionStorage: object;
          localStorage: object;
        };
        return { cookie: document.cookie, storage: JSON.stringify([sessionStorage, localStorage]) };
      });
      expect(seenByScripts.cookie).not.toContain('hashdesk-session');
      expect(seenByScripts.storage).not.toContain(cookie.value);

      // A reload keeps the session (the cookie); signing out clears it and shows the sign-in screen again.
      await page.reload();
      await expect(page.getByRole('button', { name: 'Signed in as Ada Admin' })).toBeVisible();
      await page.getByRole('button', { name: 'Signed in as Ada Admin' }).click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await expect(page.getByRole('heading', { name: 'Sign in to Hashdesk' })).toBeVisible();
      expect(await context.cookies(url)).toEqual([]);
    },
    ['--demo'],
  );
  expect(pageErrors).toEqual([]);
});

test.describe('over HTTPS', () => {
  // The certificate is self-signed for 127.0.0.2, made by this test: the browser is told to take it, as an office PC that installed it would.
  test.use({ ignoreHTTPSErrors: true });

  test('serve --tls-cert/--tls-key: Chromium signs in over HTTPS and keeps a Secure __Host- session cookie', async ({ page, context }) => {
    test.setTimeout(120_000);
    const certificate = (dataDir: string) => {
      const { certPath, keyPath } = selfSignedCertificate(dataDir, lanHost);
      return ['--tls-cert', certPath, '--tls-key', keyPath];
    };
    await withLanServer(certificate, async (url) => {
      expect(url).toMatch(/^https:\/\/127\.0\.0\.2:\d+$/);
      await signInAt(page, url);
      expect(await context.cookies(url)).toEqual([
        expect.objectContaining({ name: '__Host-hashdesk-session', httpOnly: true, secure: true, sameSite: 'Strict', path: '/' }),
      ]);
    });
  });
});

test('the LAN server refuses to start without an administrator and says how to make one', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hashdesk-lan-'));
  try {
    await expect(startServer(dataDir, ['--host', '127.0.0.2'])).rejects.toThrow(/Create it on this computer first: run `npm run serve` without --host/);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

withServer(
  'Settings › Office network keeps the address and port for the next start, audited, and refuses an address of another computer',
  async ({ page, api }) => {
    await page.goto('/settings?tab=lan');
    await expect(page.getByRole('heading', { name: 'Office network' })).toBeVisible();
    await page.getByRole('switch', { name: 'Serve Hashdesk to the office network' }).check({ force: true });
    const address = page.getByRole('combobox', { name: 'Address' });
    await address.fill('192.0.2.99'); // only text checked against this computer's addresses: nothing connects to it
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Save office network setting' }).click();
    await expect(page.getByText('"192.0.2.99" is not an address of this computer')).toBeVisible();

    await address.fill('127.0.0.2');
    await page.keyboard.press('Escape');
    await page.getByRole('textbox', { name: 'Port' }).fill('18443');
    await expect(page.getByText('Takes effect at the next start: http://127.0.0.2:18443')).toBeVisible();
    await page.getByRole('button', { name: 'Save office network setting' }).click();
    await expect(page.getByText('From the next start, Hashdesk serves http://127.0.0.2:18443.')).toBeVisible();
    expect((await api.call('officeLan.get', {})).setting).toMatchObject({ enabled: true, host: '127.0.0.2', port: 18443 });
    const audit = await api.call('audit.list', { entity: 'office_lan_settings' });
    expect(audit.rows.map((row) => row.action)).toEqual(['office_lan.settings_changed']);
  },
);
