import { expect, test } from './fixtures';

test.use({ serverArgs: ['--demo'] });

test('mass edit: an unknown e-mail offers Add client instead of Confirm, and miners that leave the view leave the selection', async ({ page, api }) => {
  test.slow(); // a demo facility on a shared machine
  const [manager] = await api.call('staff.list', {});
  const first = await api.call('miners.list', { search: 'NW-0000', sort: 'assetId', limit: 4 });
  await api.call('miners.massEdit', { minerIds: first.rows.map((row) => row.id), changes: { paid: true } });

  await page.goto('/miners?paid=paid&sort=assetId');
  const table = page.getByRole('table', { name: 'Miners' });
  await expect(table.getByRole('row', { name: /\bNW-00002\b/ })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Select NW-00002' }).click();
  await page.getByRole('checkbox', { name: 'Select NW-00003' }).click();
  const bar = page.getByRole('toolbar', { name: 'Mass actions' });
  await expect(bar.getByText('2 selected')).toBeVisible();

  // An e-mail no client has: Confirm stays off and the client can be added on the spot
  await bar.getByRole('button', { name: 'Edit client' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit client' });
  await dialog.getByLabel('Client e-mail').fill('ops@newcomer.example');
  await expect(dialog.getByText('No client has this contact e-mail.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Confirm' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Add client' }).click();
  const form = dialog.getByRole('group', { name: 'Add client' });
  await form.getByRole('textbox', { name: 'Name' }).fill('Newcomer Mining');
  await form.getByRole('combobox', { name: 'Manager' }).click();
  await page.getByRole('option', { name: manager.name }).click();
  await form.getByRole('button', { name: 'Add client' }).click();
  await expect(dialog.getByText(/^Newcomer Mining \(#\d+\) has this e-mail\.$/)).toBeVisible();
  await expect(dialog.getByText('Change 2 miners: client → Newcomer Mining')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Confirm' })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Marked unpaid in a "paid" view: the two rows leave the view, so they leave the selection too
  await bar.getByRole('button', { name: 'Mark unpaid' }).click();
  await page.getByRole('dialog', { name: 'Mark unpaid' }).getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByText('They no longer match this view, so they were taken out of the selection.')).toBeVisible();
  await expect(bar).toBeHidden();
  await expect(table.getByRole('row', { name: /\bNW-00002\b/ })).toBeHidden();
});

test('mass edit: a refusal is shown for the choice that was refused and goes once the choice changes', async ({ page, api }) => {
  test.slow(); // a demo facility on a shared machine
  const loose = await api.call('miners.list', { clientIds: ['unassigned'], sort: 'assetId', limit: 1 });
  const [miner] = loose.rows;
  await page.goto(`/miners?q=${miner.assetId}`);
  await page.getByRole('checkbox', { name: `Select ${miner.assetId}` }).click();
  await page.getByRole('toolbar', { name: 'Mass actions' }).getByRole('button', { name: 'More' }).click();
  await page.getByRole('menuitem', { name: 'Set state' }).click();
  const dialog = page.getByRole('dialog', { name: 'Set state' });
  await dialog.getByRole('combobox', { name: 'State' }).click();
  await page.getByRole('option', { name: 'Assigned', exact: true }).click();
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  const refusal = dialog.getByRole('alert').filter({ hasText: 'The miners were not changed' });
  await expect(refusal).toBeVisible();
  await dialog.getByRole('combobox', { name: 'State' }).click();
  await page.getByRole('option', { name: 'RMA' }).click();
  await expect(refusal).toBeHidden();
  // The refused choice again: its refusal is still the answer
  await dialog.getByRole('combobox', { name: 'State' }).click();
  await page.getByRole('option', { name: 'Assigned', exact: true }).click();
  await expect(refusal).toBeVisible();
});
