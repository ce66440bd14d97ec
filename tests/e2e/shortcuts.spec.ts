import { expect, test } from './fixtures';

test.use({ serverArgs: ['--demo'] });

test('typed keys open pages, "/" searches the list, and keys typed in a field stay in the field', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Northwind Hosting LLC' })).toBeVisible({ timeout: 30_000 });
  const active = (label: string) =>
    expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: label, exact: true })).toHaveAttribute('data-active', 'true');

  await page.keyboard.press('g');
  await page.keyboard.press('c');
  await active('Clients');
  await expect(page).toHaveURL(/\/clients$/);
  // "n": the page's main action, here Add client.
  await expect(page.getByRole('link', { name: 'Add client' })).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('n');
  await expect(page).toHaveURL(/\/clients\/new$/);
  await expect(page.getByRole('heading', { name: 'Add client' })).toBeVisible();
  await page.goBack();

  await page.keyboard.press('g');
  await page.keyboard.press('m');
  await active('Miners');
  const search = page.getByRole('textbox', { name: 'Search miners' });
  await expect(search).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('');
  // In the field, g then c is text, not a trip to Clients.
  await page.keyboard.type('gc');
  await expect(search).toHaveValue('gc');
  await active('Miners');

  await page.getByRole('heading', { name: 'Miners' }).first().click();
  await page.keyboard.press('g');
  await page.keyboard.press('b');
  await expect(page).toHaveURL(/\/settings\?tab=backups$/);
  await expect(page.getByRole('tab', { name: 'Backups' })).toHaveAttribute('aria-selected', 'true');
  // Alt+← is the browser's own Back; the app's history follows it.
  await page.goBack();
  await active('Miners');

  // A page with no list to search says so instead of doing nothing.
  await page.keyboard.press('g');
  await page.keyboard.press('d');
  await active('Dashboard');
  await page.keyboard.press('/');
  await expect(page.getByText('This page has no list with a search box.')).toBeVisible();
  await page.keyboard.press('n');
  await expect(page.getByText('This page has no main action.')).toBeVisible();
});

test('"?" and the header button open the shortcut sheet; keys do nothing behind it; it looks finished', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/clients');
  await expect(page.getByRole('heading', { name: 'Clients' }).first()).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Shift+?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  const goTo = sheet.getByRole('table', { name: 'Go to' });
  await expect(goTo.getByRole('row')).toHaveCount(13);
  await expect(goTo.getByRole('row', { name: /^Clients/ })).toContainText('gthenc');
  await expect(sheet.getByRole('table', { name: 'On any page' }).getByRole('row')).toHaveText([
    /Search the page's list\s*\//,
    /The page's main action \(Add client, New task…\)\s*n/,
  ]);
  // In a browser the menu's shortcuts are described, not listed as if they worked here.
  await expect(sheet.getByText(/desktop app's menus add Ctrl\+1…9/)).toBeVisible();

  // Behind an open dialog, g then m is not a trip to Miners.
  await page.keyboard.press('g');
  await page.keyboard.press('m');
  await expect(page).toHaveURL(/\/clients$/);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: test.info().outputPath(`shortcut-sheet-1440-${colorScheme}.png`) });
  }
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(sheet).toBeVisible();
});

/**
 * The desktop app's preload bridge, played by an init script with the same two functions: invoke over the loopback
 * API (as the IPC transport answers the same handlers) and onCommand, which keeps the page's listener where the test
 * can call it as the native menu would (electron/menu.test.ts checks which command each menu item sends).
 */
const desktopBridge = (token: string) => `
  window.api = {
    invoke: (name, input, session) => fetch('/api/' + encodeURIComponent(name), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ${token}', ...(session ? { 'x-hashdesk-session': session } : {}) },
      body: JSON.stringify(input ?? {}),
    }).then((response) => response.json()),
    onCommand: (listener) => {
      window.__menuCommand = listener;
      return () => { if (window.__menuCommand === listener) window.__menuCommand = undefined; };
    },
  };`;

test("the desktop menu's commands open pages, go back and forward, search, and show the sheet with the menu's shortcuts", async ({ page, server }) => {
  await page.addInitScript(desktopBridge(server.info.token));
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/clients');
  await expect(page.getByRole('heading', { name: 'Clients' }).first()).toBeVisible({ timeout: 30_000 });
  const menu = (id: string) => page.evaluate((command) => (globalThis as unknown as { __menuCommand: (id: string) => void }).__menuCommand(command), id);
  const active = (label: string) =>
    expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: label, exact: true })).toHaveAttribute('data-active', 'true');

  await menu('go.invoices');
  await active('Invoices');
  await menu('history.back');
  await active('Clients');
  await menu('history.forward');
  await active('Invoices');
  await menu('not.a.command');
  await active('Invoices');
  await menu('go.miners');
  const search = page.getByRole('textbox', { name: 'Search miners' });
  await expect(search).toBeVisible({ timeout: 30_000 });
  await menu('page.search');
  await expect(search).toBeFocused();

  await menu('help.shortcuts');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet.getByRole('table', { name: 'Go to' }).getByRole('row', { name: /^Dashboard/ })).toContainText('Ctrl+1');
  await expect(sheet.getByRole('table', { name: 'Go to' }).getByRole('row', { name: /^Mail/ })).toContainText('gthene');
  await expect(sheet.getByRole('table', { name: 'On any page' }).getByRole('row', { name: /^Back/ })).toContainText('Alt+←');
  await expect(sheet.getByRole('table', { name: 'Help' }).getByRole('row', { name: /^Keyboard shortcuts/ })).toContainText('Ctrl+/');
  await expect(sheet.getByRole('table', { name: 'Help' }).getByRole('row', { name: /^About Hashdesk/ })).toBeVisible();
  await expect(sheet.getByText(/desktop app's menus add/)).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('shortcut-sheet-desktop-1440-light.png') });
  await page.keyboard.press('Escape');

  await menu('go.about');
  await expect(page.getByRole('tab', { name: 'About' })).toHaveAttribute('aria-selected', 'true');
});
