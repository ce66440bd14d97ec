import { expect, test } from './fixtures';

test('the first Tab from page load reaches "Skip to content", which puts the focus in the page', async ({ page }) => {
  await page.goto('/clients');
  await expect(page.getByRole('heading', { name: 'Clients' }).first()).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  const main = page.locator('main');
  await expect(main).toBeFocused();
  // The next Tab lands on the page's own controls, not back in the header or the navigation.
  await page.keyboard.press('Tab');
  await expect(page.locator('main :focus')).toHaveCount(1);
});

test('a form that fails its check moves the focus to the first invalid field, marked required', async ({ page }) => {
  await page.goto('/settings?tab=models');
  await page.getByRole('button', { name: 'Add model' }).click({ timeout: 30_000 });
  const form = page.getByRole('dialog', { name: 'Add model' });
  await form.getByLabel('Nominal power').fill('3500');
  await form.getByRole('button', { name: 'Save model' }).click();
  await expect(form.getByRole('textbox', { name: 'Make' })).toBeFocused();
  await expect(form.locator('label', { hasText: /^Make/ }).locator('.mantine-InputWrapper-required')).toHaveText('*');
  // Checked in the browser: one reason under the field, no notification repeating it.
  await expect(form.locator('[data-path="make"][aria-invalid="true"]')).toBeVisible();
  await expect(form.getByText('Is required').first()).toBeVisible();
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0);
});

test('the currency list names each currency', async ({ page }) => {
  await page.goto('/settings');
  const currency = page.getByRole('combobox', { name: 'Default currency' });
  // A lazily loaded page on a busy machine: the first look waits longer.
  await expect(currency).toHaveValue('USD — US Dollar', { timeout: 30_000 });
  await currency.click();
  await currency.fill('krone');
  await expect(page.getByRole('option', { name: 'NOK — Norwegian Krone' })).toBeVisible();
});

test('a form refused by the server shows each reason once, under its field, and focuses it', async ({ page, api }) => {
  await api.call('sites.create', { name: 'Kearney NE' });
  await page.goto('/power');
  await page.getByRole('button', { name: 'Add device' }).click({ timeout: 30_000 });
  const form = page.getByRole('dialog', { name: 'Add power device' });
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill('PDU C7-R1');
  await form.getByRole('combobox', { name: 'Profile' }).click();
  await page.getByRole('option', { name: 'APC Rack PDU 2G (rPDU2) (built-in)' }).click();
  await form.getByRole('combobox', { name: 'Site' }).click();
  await page.getByRole('option', { name: 'Kearney NE' }).click();
  await form.getByLabel('Community').fill('public');
  const address = form.getByRole('textbox', { name: 'Address' });
  await address.fill('1.2.3');
  await form.getByRole('button', { name: 'Save device' }).click();
  await expect(form.getByText(/"1\.2\.3" is not a complete IPv4 address/)).toHaveCount(1);
  await expect(address).toBeFocused();
  await expect(page.getByText(/Address: must be/)).toHaveCount(0); // the API's sentence is not repeated in a notification
  expect(await api.call('power.devices.list', {})).toHaveLength(0);
});
