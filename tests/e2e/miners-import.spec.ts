import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

test.use({ serverArgs: ['--demo'] });

async function openPreview(page: Page, csv: string) {
  await page.goto('/miners');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import miners' });
  await dialog.locator('input[type="file"]').setInputFiles({ name: 'miners.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await dialog.getByRole('button', { name: 'Next: columns' }).click();
  await dialog.getByRole('button', { name: 'Next: preview' }).click();
  return dialog;
}

test('an import with a new e-mail asks for the new client’s name and manager before anything is created', async ({ page, api }) => {
  test.slow(); // the demo facility, then two screenshots per width
  const staff = await api.call('staff.list', { includeInactive: false });
  const manager = staff[1] ?? staff[0];
  const csv = [
    'Serial,IP,Model,Client e-mail',
    'E2E-NEW-1,127.61.0.1,Antminer S21,newclient@polar.example',
    'E2E-NEW-2,127.61.0.2,Antminer S21,newclient@polar.example',
  ].join('\n');
  const dialog = await openPreview(page, csv);

  await expect(dialog.getByRole('heading', { name: 'Add 1 new client' })).toBeVisible();
  const badge = dialog.getByText('1 new client', { exact: true });
  await expect(badge).toBeVisible();
  await expect(badge).toHaveCSS('text-transform', 'none');
  const importButton = dialog.getByRole('button', { name: 'Import 2 miners' });
  await expect(importButton).toBeDisabled();
  await expect(dialog.getByText('Give every new client a name and a manager first.')).toBeVisible();

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const width of [1440, 1280]) {
      await page.setViewportSize({ width, height: width === 1440 ? 900 : 800 });
      await page.screenshot({ path: test.info().outputPath(`import-new-client-${width}-${colorScheme}.png`) });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });

  await dialog.getByLabel('Client name for newclient@polar.example').fill('Polar Hash Co');
  await dialog.getByLabel('Manager for newclient@polar.example').click();
  await page.getByRole('option', { name: manager.name, exact: true }).click();
  await expect(importButton).toBeEnabled();
  await importButton.click();
  await expect(page.getByText('2 added, 0 updated, 1 new client.')).toBeVisible({ timeout: 30_000 });

  const found = await api.call('clients.list', { search: 'newclient@polar.example' });
  expect(found.rows.map((row) => [row.name, row.contactEmail])).toEqual([['Polar Hash Co', 'newclient@polar.example']]);
  const client = await api.call('clients.get', { id: found.rows[0].id });
  expect(client.managerId).toBe(manager.id);
});

test.describe('on a new facility', () => {
  // The row's check needs no fleet: an empty miners page opens the import as well
  test.use({ serverArgs: [] });

  test('row errors are sentences beside their row number, not prefixed with it again', async ({ page }) => {
    const dialog = await openPreview(page, ['Serial,IP,Model', 'E2E-BAD-1,300.1.1.1,Antminer S21'].join('\n'));
    const row = dialog.getByRole('row', { name: /^2 Error/ });
    await expect(row.getByText('IP "300.1.1.1" is not a valid IPv4 address, like 127.60.0.10')).toBeVisible();
    await expect(row).not.toContainText('Row 2');
    await expect(dialog.getByText('1 row with errors', { exact: true })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Import 0 miners' })).toBeDisabled();
  });
});
