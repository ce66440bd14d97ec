import { readFileSync } from 'node:fs';
import { expect, type HashdeskServer, test } from './fixtures';

/** A call with the serve token (and a session when given), as the page makes them. */
async function serveCall(server: HashdeskServer, name: string, input: unknown, session?: string) {
  const response = await fetch(`${server.info.url}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.info.token}`, ...(session ? { 'x-hashdesk-session': session } : {}) },
    body: JSON.stringify(input),
  });
  return (await response.json()) as { ok: boolean; value: { token: string } };
}

/** A call with a personal API token alone, as a script makes it. */
async function tokenCall(server: HashdeskServer, token: string, name: string, input: unknown) {
  const response = await fetch(`${server.info.url}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } } };
}

test('a token created in Settings › API is shown once, calls the API as its person, and is refused once revoked', async ({ page, server }) => {
  await serveCall(server, 'auth.setupAdministrator', { name: 'Ada Admin', login: 'ada', password: 'correct horse battery' });
  await page.goto('/settings?tab=api');
  await page.getByRole('textbox', { name: 'Login', exact: true }).fill('ada');
  await page.locator('input[type=password]').fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Personal API tokens' })).toBeVisible();
  await expect(page.getByText('You have no API tokens.')).toBeVisible();

  await page.getByRole('button', { name: 'New token' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Nightly export');
  await page.getByRole('button', { name: 'Create token' }).click();
  const dialog = page.getByRole('dialog', { name: 'API token “Nightly export”' });
  await expect(dialog.getByText('It will not be shown again')).toBeVisible();
  const token = ((await dialog.getByLabel('New API token').textContent()) ?? '').trim();
  expect(token).toMatch(/^hdk_[\w-]{43}$/);
  await dialog.getByRole('button', { name: 'Done' }).click();
  const row = page.getByRole('row', { name: /Nightly export/ });
  await expect(row).toContainText(token.slice(0, 12));
  await expect(row).not.toContainText(token.slice(12));
  await expect(row).toContainText('Active');

  // A script: the token alone, no serve token and no session.
  expect(await tokenCall(server, token, 'auth.me', {})).toMatchObject({ status: 200, body: { ok: true, value: { user: { login: 'ada' } } } });
  expect(await tokenCall(server, token, 'sites.create', { name: 'Austin North' })).toMatchObject({ status: 200, body: { ok: true } });
  await page.reload();
  await expect(
    page
      .getByRole('row', { name: /Nightly export/ })
      .getByRole('cell')
      .nth(3),
  ).not.toHaveText('Never');

  await page.getByRole('button', { name: 'Revoke Nightly export' }).click();
  await page.getByRole('dialog', { name: 'Revoke “Nightly export”?' }).getByRole('button', { name: 'Revoke token' }).click();
  await expect(page.getByRole('row', { name: /Nightly export/ })).toContainText('Revoked');
  expect(await tokenCall(server, token, 'auth.me', {})).toMatchObject({
    status: 401,
    body: { ok: false, error: { code: 'UNAUTHORIZED', message: /The API token “Nightly export” of Ada Admin was revoked/ } },
  });

  // The procedures: searchable, each with its permission and input, and the document to download.
  await page.getByRole('textbox', { name: 'Search procedures' }).fill('apiTokens');
  await expect(page.getByText(/^3 of \d+ procedures$/)).toBeVisible();
  await page.getByRole('button', { name: 'apiTokens.create' }).click();
  const input = page.getByRole('table', { name: 'Input of apiTokens.create' });
  await expect(input.getByRole('row', { name: /name text Yes 1 to 60 characters/ })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download openapi.json' }).click();
  const download = await downloading;
  const document = JSON.parse(readFileSync(await download.path(), 'utf8')) as { paths: Record<string, { post: { 'x-permission': string } }> };
  expect(document.paths['/api/apiTokens.revoke'].post['x-permission']).toBe('signedIn');
  expect(document.paths['/api/invoices.issue'].post['x-permission']).toBe('billing.edit');
});
