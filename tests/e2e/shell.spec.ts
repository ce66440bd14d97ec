import { expect, test } from './fixtures';

const sections = ['Dashboard', 'Clients', 'Miners', 'Discovery', 'Tasks', 'Alerts', 'Power', 'Contracts', 'Invoices', 'Reports', 'Mail', 'Settings'];

test('every section opens from the navigation without console errors', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Welcome to Hashdesk' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  for (const label of sections) {
    await nav.getByRole('link', { name: label, exact: true }).click();
    await expect(page.getByRole('link', { name: label, exact: true })).toHaveAttribute('data-active', 'true');
  }
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('the colour scheme switches between light and dark and is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/settings');
  await page.getByRole('button', { name: 'Switch to dark mode' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
});

test('the address printed by serve carries the token, which leaves the address bar', async ({ browser, server }) => {
  const page = await browser.newPage();
  await page.goto(`${server.info.url}/#token=${server.info.token}`);
  await expect(page.getByRole('heading', { name: 'Welcome to Hashdesk' })).toBeVisible();
  expect(page.url()).toBe(`${server.info.url}/`);
  await page.close();
});

test('a page without the token says how to get in, and the API refuses it', async ({ browser, server }) => {
  const page = await browser.newPage();
  await page.goto(`${server.info.url}/settings`);
  await expect(page.getByRole('heading', { name: 'This page has no access token' })).toBeVisible();
  await page.close();
});
