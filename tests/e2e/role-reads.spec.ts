import type { Page, Request } from '@playwright/test';
import type { GrantablePermission } from '../../electron/contract/permissions';
import type { BuiltInRoleKey } from '../../electron/contract/roles';
import { expect, test } from './fixtures';
import { callAs, nav, signIn, signOut, valueOf } from './sign-in-helpers';

test.use({ serverArgs: ['--demo'] });

/**
 * Every role, on every page and Settings tab it may open, never asks the server for what it may not read: a read the
 * role lacks would show "Could not load data" on each visit (as the dashboard's change log once did for a role without
 * audit.view). Besides the built-in roles, two narrow custom roles: the dashboard alone, and clients alone.
 */
const narrowRoles: Record<string, GrantablePermission[]> = {
  'Dashboard only': ['dashboard.view'],
  'Clients only': ['clients.view'],
};
const builtIn: Exclude<BuiltInRoleKey, 'administrator'>[] = ['viewer', 'manager', 'technician', 'billing'];
const password = 'reads only, please';

/**
 * Waits until a page has settled: its heading is shown and no API call is in flight (polls come every 15 s or more).
 * Playwright's networkidle does not serve here: it belongs to the first load, not to the app's own navigations.
 */
async function settle(page: Page, inFlight: () => number) {
  await expect(page.getByRole('main').getByRole('heading').first()).toBeVisible({ timeout: 60_000 });
  await expect.poll(inFlight, { timeout: 60_000 }).toBe(0);
}

test('no page or Settings tab asks the server for a read the role lacks', async ({ page, server }) => {
  test.setTimeout(600_000); // a hang guard: six sign-ins (each an scrypt hash) and about sixty page loads on a shared, busy machine
  const admin = await valueOf(callAs(server, null, 'auth.setupAdministrator', { name: 'Ada Admin', login: 'ada', password: 'correct horse battery' }));
  const staff = (await valueOf(callAs(server, admin.token, 'users.list', {}))).filter((person) => person.active && !person.login);
  const logins: string[] = [];
  for (const [index, role] of builtIn.entries()) {
    await valueOf(
      callAs(server, admin.token, 'users.setLogin', { staffId: staff[index].staffId, login: role, roleKey: role, password, mustChangePassword: false }),
    );
    logins.push(role);
  }
  for (const [offset, [name, permissions]] of Object.entries(narrowRoles).entries()) {
    const role = await valueOf(callAs(server, admin.token, 'roles.create', { name, permissions }));
    const login = name.toLowerCase().replace(/ /g, '-');
    const person = staff[builtIn.length + offset];
    await valueOf(callAs(server, admin.token, 'users.setLogin', { staffId: person.staffId, login, roleId: role.id, password, mustChangePassword: false }));
    logins.push(login);
  }

  const refused: string[] = [];
  let where = '';
  let calls = 0;
  const isApi = (url: string) => new URL(url).pathname.startsWith('/api/');
  page.on('request', (request) => void (isApi(request.url()) && (calls += 1)));
  const ended = (request: Request) => void (isApi(request.url()) && (calls -= 1));
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  const inFlight = () => calls;
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (response.status() === 403 && path.startsWith('/api/')) refused.push(`${where}: ${path.slice('/api/'.length)}`);
  });

  await page.goto('/');
  for (const login of logins) {
    // The navigation lists every page until auth.me tells the role (the app does not hide what it does not know yet).
    const permissionsRead = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/auth.me' && response.ok());
    await signIn(page, login, password);
    await expect(page.getByRole('button', { name: /^Signed in as / })).toBeVisible();
    await permissionsRead;
    await settle(page, inFlight);
    // By address, not name: a link's name carries its badge's count (Alerts 128).
    const pages = await nav(page)
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(pages.length, `${login} opens at least one page`).toBeGreaterThan(0);
    for (const href of pages) {
      where = `${login} on ${href}`;
      await nav(page).locator(`a[href="${href}"]`).click({ timeout: 30_000 });
      await settle(page, inFlight);
      if (!href.startsWith('/settings')) continue;
      for (const tab of await page.getByRole('main').getByRole('tab').allTextContents()) {
        where = `${login} on Settings › ${tab}`;
        await page.getByRole('main').getByRole('tab', { name: tab, exact: true }).click({ timeout: 30_000 });
        await settle(page, inFlight);
      }
    }
    where = `${login} signing out`;
    await signOut(page);
  }
  expect(refused).toEqual([]);
});
