import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { apiClient, startServer } from '../helpers/serve-process';

// 127.0.0.2 stands in for the office PC's LAN address: no other address is ever used.
test('a browser on the office network opens the LAN address with no token, signs in and sees the dashboard; its session cookie is out of scripts’ reach', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'hashdesk-lan-'));
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    // The administrator is made on this computer first, as the README says; the LAN server refuses to start without one.
    const local = await startServer(dataDir, ['--demo']);
    await apiClient(local).call('auth.setupAdministrator', { name: 'Ada Admin', login: 'ada', password: 'correct horse battery' });
    await local.stop();

    const lan = await startServer(dataDir, ['--host', '127.0.0.2']);
    try {
      expect(lan.info.url).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/);
      await page.goto(`${lan.info.url}/`);
      await expect(page.getByRole('heading', { name: 'Sign in to Hashdesk' })).toBeVisible();
      await page.getByRole('textbox', { name: 'Login', exact: true }).fill('ada');
      await page.locator('input[type=password]').fill('correct horse battery');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('button', { name: 'Signed in as Ada Admin' })).toBeVisible();
      await expect(page.getByTestId('dashboard-figures')).toBeVisible({ timeout: 30_000 });

      const [cookie] = await context.cookies(lan.info.url);
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
      expect(await context.cookies(lan.info.url)).toEqual([]);
    } finally {
      await lan.stop();
    }
    expect(pageErrors).toEqual([]);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('the LAN server refuses to start without an administrator and says how to make one', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hashdesk-lan-'));
  try {
    await expect(startServer(dataDir, ['--host', '127.0.0.2'])).rejects.toThrow(/Create it on this computer first: run `npm run serve` without --host/);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
