import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The air-gap proof (issue 15): every page of the navigation, a few detail pages and dialogs, against the demo
 * facility, while every request the page makes is recorded. All of them go to the app's own origin (or a blob:
 * or data: address the page made itself): no font, image, script or telemetry from anywhere else.
 */
test.use({ serverArgs: ['--demo'] });

/** Chromium's own PDF viewer, which shows the invoice preview, and the resources it loads: part of the browser, no network behind them. */
const browserInternal = ['chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/', 'chrome://resources/'];

/** The page has painted: its main area has a heading and no loader. */
async function settled(page: Page): Promise<void> {
  const main = page.locator('main');
  await expect(main.getByRole('heading').first()).toBeVisible();
  await expect(main.getByLabel('Loading the page')).toHaveCount(0);
}

test('every page and dialog loads from the app itself and nothing else', async ({ page, api, server }) => {
  test.setTimeout(240_000);
  const origin = new URL(server.info.url).origin;
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  const foreign = () =>
    requests.filter((url) => {
      if (url.startsWith('data:') || browserInternal.some((prefix) => url.startsWith(prefix))) return false;
      const address = new URL(url.startsWith('blob:') ? url.slice('blob:'.length) : url);
      return address.origin !== origin;
    });

  await page.goto('/');
  await settled(page);

  // Every entry of the navigation, as the shell lists it
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  const paths = await nav.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  expect(paths.length).toBeGreaterThanOrEqual(10);
  for (const path of paths) {
    await nav.locator(`a[href="${path}"]`).click();
    await expect(nav.locator(`a[href="${path}"]`)).toHaveAttribute('data-active', 'true');
    await settled(page);
  }

  // Settings, tab by tab
  await page.goto('/settings');
  await settled(page);
  const tabs = page.getByRole('tab');
  for (let i = 0; i < (await tabs.count()); i += 1) {
    await tabs.nth(i).click();
    await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true');
  }

  // A client, a miner's drawer, a contract
  const { rows: clientRows } = await api.call('clients.list', {});
  expect(clientRows.length).toBeGreaterThan(0);
  await page.goto(`/clients/${clientRows[0].id}`);
  await settled(page);

  await page.goto('/miners');
  await settled(page);
  const { rows: minerRows } = await api.call('miners.list', {});
  await page.getByRole('main').getByText(minerRows[0].assetId, { exact: true }).first().click();
  const drawer = page.getByRole('dialog', { name: new RegExp(minerRows[0].assetId) });
  await expect(drawer).toBeVisible();
  for (const name of ['Activity', 'Identity history', 'Telemetry']) await drawer.getByRole('tab', { name }).click();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  const { rows: contractRows } = await api.call('contracts.list', {});
  expect(contractRows.length).toBeGreaterThan(0);
  await page.goto(`/contracts/${contractRows[0].id}`);
  await settled(page);

  // An invoice and its PDF preview (the demo has none yet: a month's batch makes drafts)
  let { invoices: invoiceRows } = await api.call('invoices.list', {});
  if (invoiceRows.length === 0) {
    await api.call('invoices.generateBatch', { period: contractRows[0].startsAt.slice(0, 7), issue: false });
    invoiceRows = (await api.call('invoices.list', {})).invoices;
  }
  expect(invoiceRows.length).toBeGreaterThan(0);
  await page.goto(`/invoices/${invoiceRows[0].id}`);
  await settled(page);
  const printed = page.waitForResponse((response) => response.url().endsWith('/api/invoices.pdf'));
  await page.getByRole('button', { name: 'Preview PDF' }).click();
  await printed;
  const preview = page.getByRole('dialog').filter({ has: page.locator('iframe') });
  await expect(preview.locator('iframe')).toBeVisible();
  await preview.getByRole('button', { name: 'Close' }).click();

  // Dialogs that open without changing anything
  await page.goto('/miners');
  await settled(page);
  await page.getByRole('button', { name: 'Add miner' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  await page.goto('/invoices');
  await settled(page);
  await page.getByRole('button', { name: 'Generate invoices' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  // The shortcut sheet (its own script, fetched when first opened).
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  expect(requests.length).toBeGreaterThan(20);
  expect(foreign(), 'requests that left the app').toEqual([]);
});
