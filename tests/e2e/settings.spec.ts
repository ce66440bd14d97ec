import { expect, test } from './fixtures';

test('organisation settings: validation, save, audit log, and still there after a restart', async ({ page, api, server }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Set up your organisation' }).click();
  await expect(page).toHaveURL(/\/settings$/);

  await page.getByLabel('Organisation name').fill('Frostline Mining Hosting AS');
  await page.getByLabel('Tax ID').fill('NO 999 888 777 MVA');
  await page.getByLabel('Default energy rate per kWh').fill('0.12345678');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Must be a number of at most six decimals')).toBeVisible();
  expect((await api.call('audit.list', {})).total).toBe(0);

  await page.getByLabel('Default energy rate per kWh').fill('0.0412');
  await page.getByRole('combobox', { name: 'Default currency' }).fill('NOK');
  await page.getByRole('option', { name: 'NOK — Norwegian Krone' }).click();
  await page.getByRole('combobox', { name: 'Site time zone' }).fill('Europe/Oslo');
  await page.getByRole('option', { name: 'Europe/Oslo' }).click();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('The organisation settings were updated.')).toBeVisible();

  const [entry] = (await api.call('audit.list', { entity: 'settings' })).rows;
  expect(entry).toMatchObject({ action: 'settings.updated', actor: 'local operator', after: { currency: 'NOK', energyRatePerKwh: '0.0412' } });
  await page.getByRole('tab', { name: 'Audit log' }).click();
  await expect(page.getByText('Currency: USD → NOK')).toBeVisible();

  await server.restart();
  await page.goto(`${server.info.url}/settings#token=${server.info.token}`);
  await expect(page.getByLabel('Organisation name')).toHaveValue('Frostline Mining Hosting AS');
  await expect(page.getByLabel('Default energy rate per kWh')).toHaveValue('0.0412');
  await expect(page.getByRole('combobox', { name: 'Site time zone' })).toHaveValue('Europe/Oslo');
});

test.describe('with --demo', () => {
  test.use({ serverArgs: ['--demo'] });

  test('serves a populated facility', async ({ page, api }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Northwind Hosting LLC' })).toBeVisible();
    expect((await api.call('app.info', {})).isEmpty).toBe(false);
  });
});
