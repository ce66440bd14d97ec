import { expect, test } from './fixtures';

const csv = (lines: string[]) => Buffer.from(['device,outlet,at,kwh,reset', ...lines].join('\n'));

test('a manual meter is added, a CSV of readings shows its refused rows, the fixed file is stored and listed, and a plug-in is dated back', async ({
  page,
  api,
}) => {
  await api.call('sites.create', { name: 'Kearney NE', timeZone: 'America/Chicago' });

  await page.goto('/power');
  await page.getByRole('button', { name: 'Add device' }).click();
  const form = page.getByRole('dialog', { name: 'Add power device' });
  await form.getByText('Manual (read by hand)').click();
  await expect(form.getByLabel('Address')).toBeHidden();
  await expect(form.getByRole('button', { name: 'Test connection' })).toBeHidden();
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Panel K1');
  await form.getByRole('combobox', { name: 'Site' }).click();
  await page.getByRole('option', { name: 'Kearney NE' }).click();
  await form.getByLabel('Outlets').fill('2');
  await form.getByRole('button', { name: 'Save device' }).click();
  await expect(form).toBeHidden();

  const drawer = page.getByRole('dialog', { name: 'Panel K1' });
  await expect(drawer.getByText('Read by hand', { exact: true })).toBeVisible();
  await expect(drawer.getByRole('button', { name: 'Poll now' })).toBeHidden();
  await expect(drawer.getByText('No readings yet. Import them from a CSV file.')).toBeVisible();
  await drawer.getByRole('button', { name: 'Import readings' }).click();

  const dialog = page.getByRole('dialog', { name: 'Import readings' });
  const file = dialog.locator('input[type=file]');
  await file.setInputFiles({
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: csv(['Panel K1,1,2026-11-01T08:00,1200.5,', 'Panel K1,1,2026-11-02T08:00,1272.5055,', 'Panel K9,1,2026-11-02T08:00,1,']),
  });
  const refused = dialog.getByRole('alert').filter({ hasText: 'Refused rows' });
  await expect(refused).toContainText('Row 2: the reading "1272.5055" kWh has more than three decimals');
  await expect(refused).toContainText('Row 3: there is no power device "Panel K9"');
  await expect(dialog.getByRole('button', { name: 'Store readings' })).toBeDisabled();
  const [panel] = await api.call('power.devices.list', { kind: 'manual' });
  expect(await api.call('power.readings.list', { deviceId: panel.id, limit: 10 })).toEqual([]);

  await file.setInputFiles({
    name: 'good.csv',
    mimeType: 'text/csv',
    buffer: csv(['Panel K1,1,2026-11-01T08:00,1200.5,', 'Panel K1,1,2026-11-02T08:00,1272.505,', 'Panel K1,3,2026-11-02T08:00,10,yes']),
  });
  await expect(dialog.getByText('3 readings ready to store.')).toBeVisible();
  await expect(dialog.getByRole('table', { name: 'Readings to store' }).getByRole('row', { name: /Outlet 3 \(new\)/ })).toBeVisible();
  await dialog.getByRole('button', { name: 'Store readings' }).click();
  await expect(dialog).toBeHidden();

  const readings = drawer.getByRole('table', { name: 'Readings' });
  await expect(readings.getByRole('row')).toHaveCount(4);
  await expect(readings.getByRole('row', { name: /Outlet 1 1272.505/ })).toContainText('2 Nov 2026, 08:00');
  await expect(readings.getByRole('row', { name: /Outlet 3/ })).toContainText('After a reset');
  const [stored] = await api.call('power.readings.list', { deviceId: panel.id, limit: 1 });
  // 08:00 in Kearney (Central time) on 2 November is 14:00 UTC.
  expect(stored).toMatchObject({ at: '2026-11-02T14:00:00.000Z', counterWh: 1_272_505 });
  expect((await api.call('audit.list', { entity: 'power_device' })).rows[0]).toMatchObject({ action: 'power.readings.imported' });

  // Plugged in today through the API, then dated back to when the miner really went on the outlet.
  const miner = await api.call('miners.create', { assetId: 'K-0001', make: 'Bitmain', model: 'Antminer S21', siteId: panel.siteId });
  const [outlet1] = await api.call('power.outlets.list', { deviceId: panel.id });
  await api.call('power.outlets.assign', { outletId: outlet1.id, minerId: miner.id });
  await drawer.getByRole('tab', { name: 'Outlets' }).click();
  await drawer.getByRole('button', { name: 'Date the plug-in of outlet 1' }).click();
  const since = page.getByRole('dialog', { name: 'K-0001 on outlet 1 since' });
  await since.getByLabel('Plugged in since').fill('2026-11-01 00:00');
  await since.getByRole('button', { name: 'Save date' }).click();
  await expect(since).toBeHidden();
  await expect(drawer.getByRole('button', { name: 'Date the plug-in of outlet 1' })).toHaveText('1 Nov 2026, 00:00');
  const [history] = await api.call('power.outlets.history', { minerId: miner.id });
  expect(history.fromAt).toBe('2026-11-01T05:00:00.000Z');
});
