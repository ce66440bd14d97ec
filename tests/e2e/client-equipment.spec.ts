import { expect, test } from './fixtures';

test.use({ serverArgs: ['--demo'] });

test("a client's Equipment tab lists its miners in the Miners table: search, open one, go to the Miners page", async ({ page, api }) => {
  test.slow(); // a demo facility on a shared machine
  const client = (await api.call('clients.list', { hasMiners: true, sort: 'id', limit: 1 })).rows[0];
  const theirs = await api.call('miners.list', { clientIds: [client.id], sort: 'assetId', limit: 3 });
  const [first, second] = theirs.rows;

  await page.goto(`/clients/${client.id}`);
  await page.getByRole('tab', { name: 'Equipment' }).click();
  await expect(page).toHaveURL(new RegExp(`/clients/${client.id}/equipment$`));
  const table = page.getByRole('table', { name: `Miners of ${client.name}` });
  await expect(table.getByRole('row', { name: new RegExp(`\\b${first.assetId}\\b`) })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(`${theirs.total.toLocaleString('en-US')} miners`, { exact: true })).toBeVisible();
  await expect(page.getByText('arrives with the fleet inventory')).toBeHidden();

  await page.getByRole('textbox', { name: `Search the miners of ${client.name}` }).fill(second.assetId);
  await expect(page.getByText('1 miner match this view')).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(`\\b${first.assetId}\\b`) })).toBeHidden();
  await table.getByRole('row', { name: new RegExp(`\\b${second.assetId}\\b`) }).click();
  await expect(page.getByRole('dialog', { name: new RegExp(second.assetId) })).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByRole('link', { name: 'Open in Miners' }).click();
  await expect(page).toHaveURL(new RegExp(`/miners\\?client=${client.id}$`));
  await expect(page.getByRole('table', { name: 'Miners' }).getByRole('row', { name: new RegExp(`\\b${first.assetId}\\b`) })).toBeVisible();
});

test.describe('on a new facility', () => {
  // Nothing of the demo is needed here: one manager and the client
  test.use({ serverArgs: [] });

  test('a client without miners says how to assign them', async ({ page, api }) => {
    const manager = await api.call('staff.create', { name: 'Maria Lopez' });
    const client = await api.call('clients.create', { name: 'Empty Rack Ltd', contactEmail: 'ops@empty-rack.example', managerId: manager.id });
    await page.goto(`/clients/${client.id}/equipment`);
    await expect(page.getByText('No miners assigned')).toBeVisible();
    await expect(page.getByText(/Assign miners to Empty Rack Ltd on the Miners page/)).toBeVisible();
  });
});
