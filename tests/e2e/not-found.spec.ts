import { expect, test } from './fixtures';

/**
 * On a new facility: a missing record is missing whatever else the database holds, and the pages around it
 * (lists, settings) load without a demo fleet to fetch. The longer waits only guard a busy machine.
 */
const pageLoad = 30_000;

test('an address naming a record that does not exist says so, with a way back, on every detail route', async ({ page }) => {
  const failureToast = page.getByText('Could not load data');

  await page.goto('/clients/9999');
  await expect(page.getByRole('heading', { name: 'Client not found' })).toBeVisible();
  await expect(page.getByText('There is no client #9999.')).toBeVisible();
  await expect(failureToast).toBeHidden();
  await page.getByRole('link', { name: 'Back to clients' }).click();
  await expect(page).toHaveURL(/\/clients$/);
  await expect(page.getByRole('heading', { name: 'Clients', exact: true })).toBeVisible();

  await page.goto('/clients/9999/edit');
  await expect(page.getByRole('heading', { name: 'Client not found' })).toBeVisible();
  await page.goto('/clients/abc');
  await expect(page.getByRole('heading', { name: 'Client not found' })).toBeVisible();
  await page.goto('/clients/1/activity/more');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();

  await page.goto('/miners?miner=999999');
  const minerDrawer = page.getByRole('dialog', { name: 'Miner' });
  await expect(minerDrawer.getByRole('heading', { name: 'Miner not found' })).toBeVisible({ timeout: pageLoad });
  await minerDrawer.getByRole('button', { name: 'Back to miners' }).click();
  await expect(minerDrawer).toBeHidden();
  await expect(page).not.toHaveURL(/miner=/);

  await page.goto('/tasks?task=9999');
  await expect(page.getByRole('heading', { name: 'Task not found' })).toBeVisible({ timeout: pageLoad });
  await page.getByRole('button', { name: 'Back to tasks' }).click();
  await expect(page).not.toHaveURL(/task=/);

  await page.goto('/settings?tab=sites&site=9999');
  await expect(page.getByRole('heading', { name: 'Site not found' })).toBeVisible({ timeout: pageLoad });
  await page.getByRole('button', { name: 'Back to sites' }).click();
  await expect(page).not.toHaveURL(/site=/);

  await page.goto('/power?device=9999');
  await expect(page.getByRole('heading', { name: 'Power device not found' })).toBeVisible({ timeout: pageLoad });
  await page.getByRole('button', { name: 'Back to PDUs and meters' }).click();
  await expect(page).not.toHaveURL(/device=/);
  await expect(failureToast).toBeHidden();

  await page.goto('/contracts/9999');
  await expect(page.getByRole('heading', { name: 'Contract not found' })).toBeVisible();
  await page.goto('/contracts/9999/edit');
  await expect(page.getByRole('heading', { name: 'Contract not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to contracts' }).click();
  await expect(page).toHaveURL(/\/contracts$/);

  await page.goto('/nowhere/at/all');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the dashboard' }).click();
  await expect(page).toHaveURL(/\/$/);
});
