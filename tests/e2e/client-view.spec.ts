import type { Page } from '@playwright/test';
import type { CallName, Input, Result } from '../../electron/contract';
import type { Outcome } from '../../electron/contract/errors';
import { expect, type HashdeskServer, test } from './fixtures';

test.use({ serverArgs: ['--demo'] });

/** An API call as a signed-in person: the machine token plus their session, as the page sends them. */
async function callAs<K extends CallName>(server: HashdeskServer, session: string | null, name: K, input: Input<K>): Promise<Outcome<Result<K>>> {
  const response = await fetch(`${server.info.url}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.info.token}`, ...(session ? { 'x-hashdesk-session': session } : {}) },
    body: JSON.stringify(input),
  });
  return (await response.json()) as Outcome<Result<K>>;
}

async function valueOf<T>(outcome: Promise<Outcome<T>>): Promise<T> {
  const settled = await outcome;
  if (!settled.ok) throw new Error(settled.error.message);
  return settled.value;
}

async function signIn(page: Page, login: string, password: string) {
  await page.getByRole('textbox', { name: 'Login', exact: true }).fill(login);
  await page.locator('input[type=password]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test("an administrator gives a client's person a login; they see only their client's miners, contracts and invoices, and download a PDF", async ({
  page,
  server,
}) => {
  test.setTimeout(180_000);
  const admin = await valueOf(callAs(server, null, 'auth.setupAdministrator', { name: 'Ada Admin', login: 'ada', password: 'correct horse battery' }));
  const issued = (await valueOf(callAs(server, admin.token, 'invoices.list', {}))).invoices.filter((i) => i.number !== null);
  const own = issued[0];
  const others = issued.find((i) => i.clientId !== own.clientId)!;

  // The administrator adds the viewer on the client's Team tab.
  await page.goto('/');
  await signIn(page, 'ada', 'correct horse battery');
  await expect(page.getByRole('button', { name: 'Signed in as Ada Admin' })).toBeVisible();
  await page.goto(`/clients/${own.clientId}/team`);
  await page.getByRole('button', { name: 'Add viewer' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Zoë Łukasiewicz');
  await dialog.getByRole('textbox', { name: 'Login' }).fill('zoe');
  await dialog.getByLabel('First password').fill('client pass phrase');
  await dialog.getByRole('switch', { name: /choose their own password/ }).uncheck();
  await dialog.getByRole('button', { name: 'Add viewer' }).click();
  const logins = page.getByRole('table', { name: 'Client view logins' });
  await expect(logins.getByRole('row', { name: /Zoë Łukasiewicz.*zoe.*Can sign in/ })).toBeVisible();
  // Not facility staff: Users & roles does not list them.
  await page.goto('/settings?tab=users');
  const users = page.getByRole('table', { name: 'Users' });
  await expect(users.getByRole('row', { name: /Ada Admin/ })).toBeVisible();
  await expect(users.getByText('Zoë Łukasiewicz')).toHaveCount(0);
  await page.getByRole('button', { name: /^Signed in as / }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();

  // The viewer signs in and sees their client's view, nothing of the facility's; the page calls only the client view.
  const called: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/api/')) called.push(path.slice('/api/'.length));
  });
  await signIn(page, 'zoe', 'client pass phrase');
  await expect(page.getByRole('heading', { level: 1, name: own.clientName })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toHaveCount(0);
  const invoices = page.getByRole('table', { name: 'Invoices' });
  await expect(invoices.getByRole('row', { name: new RegExp(own.number!) })).toBeVisible();
  await expect(invoices.getByText(others.number!)).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Contracts' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Miners' }).getByRole('row').nth(1)).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: `Download the PDF of ${own.number}` }).click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
  expect(called.filter((name) => !name.startsWith('portal.') && !name.startsWith('auth.'))).toEqual([]);
  await expect(page.getByText('Could not load data')).toHaveCount(0);

  // Over the API the viewer's session reaches nothing else, and another client's invoice is not found.
  const viewer = await valueOf(callAs(server, null, 'auth.signIn', { login: 'zoe', password: 'client pass phrase' }));
  expect(await callAs(server, viewer.token, 'clients.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await callAs(server, viewer.token, 'portal.invoicePdf', { id: others.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});
