import type { Page } from '@playwright/test';
import { fleetHashrateText, kwText } from '../../renderer/features/dashboard/dashboard-format';
import { expect, test } from './fixtures';

test.describe('dashboard on the demo', () => {
  test.use({ serverArgs: ['--demo'] });

  const tile = (page: Page, label: string) => page.locator(`[data-tile="${label}"]`);
  /** Opens a link of the dashboard, checks where it lands, and comes back. */
  async function opens(page: Page, click: () => Promise<void>, url: RegExp, landed: () => Promise<void>) {
    await click();
    await expect(page).toHaveURL(url);
    await landed();
    await page.goBack();
    await expect(page.getByTestId('dashboard-figures')).toBeVisible();
  }

  test("shows the facility's live figures and every tile opens its filtered page", async ({ page, api }) => {
    test.setTimeout(120_000);
    const summary = await api.call('dashboard.summary', {});
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Northwind Hosting LLC' })).toBeVisible({ timeout: 30_000 });
    await expect(tile(page, 'Fleet hashrate')).toContainText(fleetHashrateText(summary.fleet.hashrateGhs), { timeout: 30_000 });
    await expect(tile(page, 'Power draw')).toContainText(kwText(summary.fleet.powerW));
    await expect(tile(page, 'Miners')).toContainText(summary.fleet.miners.toLocaleString('en-US'));
    await expect(page.getByRole('region', { name: 'Fleet hashrate, last 24 hours' }).locator('.recharts-area-area')).toBeVisible();
    expect(summary.hashrate24h.filter((h) => h.hashrateGhs !== null).length).toBeGreaterThanOrEqual(23);
    await expect(page.getByRole('region', { name: 'Recent changes' })).toBeVisible();

    const offline = summary.fleet.statusCounts.offline;
    await opens(
      page,
      () =>
        tile(page, 'Miners')
          .getByRole('link', { name: /Offline/ })
          .click(),
      /\/miners\?status=offline$/,
      () => expect(page.getByRole('checkbox', { name: `Offline (${offline.toLocaleString('en-US')})` })).toBeChecked(),
    );
    await opens(
      page,
      () => tile(page, 'Fleet hashrate').click(),
      /\/miners\?status=online(,|%2C)warning$/,
      () => expect(page.getByRole('checkbox', { name: /^Warning \(/ })).toBeChecked(),
    );
    const [site] = summary.sites;
    await opens(
      page,
      () =>
        page
          .getByRole('region', { name: 'Power draw by site' })
          .getByRole('link', { name: new RegExp(site.name) })
          .click(),
      new RegExp(`/miners\\?site=${site.siteId}$`),
      () => expect(page.getByRole('heading', { name: 'Miners' })).toBeVisible(),
    );
    const [client] = summary.clients.top;
    await opens(
      page,
      () =>
        page
          .getByRole('region', { name: 'Miners per client' })
          .getByRole('link', { name: new RegExp(client.name) })
          .click(),
      new RegExp(`/miners\\?client=${client.clientId}$`),
      () => expect(page.getByRole('heading', { name: 'Miners' })).toBeVisible(),
    );
    await opens(
      page,
      () =>
        tile(page, 'Open alerts')
          .getByRole('link', { name: /Not acknowledged/ })
          .click(),
      /\/alerts\?status=open$/,
      () => expect(page.getByRole('tab', { name: /^Not acknowledged/ })).toHaveAttribute('aria-selected', 'true'),
    );
    await opens(
      page,
      () =>
        tile(page, 'Open tasks')
          .getByRole('link', { name: /Past their due date/ })
          .click(),
      /\/tasks\?overdue=1$/,
      async () => {
        await page.getByRole('button', { name: 'Filters' }).click();
        await expect(page.getByLabel('Overdue only')).toBeChecked();
      },
    );
    await opens(
      page,
      () =>
        tile(page, 'Notice due in 60 days')
          .getByRole('link', { name: /renewal queue|No contract/ })
          .click(),
      /\/contracts\?queue=60$/,
      () => expect(page.getByRole('region', { name: 'Renewal queue' }).getByText(String(summary.notice.count), { exact: true })).toBeVisible(),
    );
    const overdue = summary.billing.overdue.reduce((n, m) => n + m.count, 0);
    await opens(
      page,
      () => tile(page, 'Overdue invoices').click(),
      /\/invoices\?status=overdue$/,
      () => expect(page.getByRole('radio', { name: `Overdue (${overdue})` })).toBeChecked(),
    );
    await opens(
      page,
      () => tile(page, 'Revenue this month').getByRole('link').nth(1).click(),
      new RegExp(`/invoices\\?period=${summary.billing.previousPeriod}$`),
      () => expect(page.getByRole('heading', { name: 'Invoices' })).toBeVisible(),
    );
  });
});
