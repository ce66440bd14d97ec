import { grantablePermissionInfo, type GrantablePermission } from '../../electron/contract/permissions';
import { expect, test } from './fixtures';
import { callAs, nav, signIn, valueOf } from './sign-in-helpers';

test.use({ serverArgs: ['--demo'] });

/** The screenshots looked at: the usual desktop size in light mode, a smaller laptop in dark mode. */
const looks = [
  { width: 1440, height: 900, colorScheme: 'light' },
  { width: 1280, height: 800, colorScheme: 'dark' },
] as const;

const granted: GrantablePermission[] = ['dashboard.view', 'clients.view', 'clients.edit', 'contracts.view', 'contracts.edit', 'billing.view', 'fleet.view'];
const adminPassword = 'correct horse battery';
const moPassword = 'account pass phrase';
const fleetInSightSentence = 'You see the miners of the clients you manage and the facility’s own.';

test('an account manager whose role sees only the clients they manage sees and opens only theirs', async ({ page, server }) => {
  test.setTimeout(180_000); // a hang guard: two sign-ins (each an scrypt hash) and a few page loads on a shared, busy machine
  const admin = await valueOf(callAs(server, null, 'auth.setupAdministrator', { name: 'Ada Admin', login: 'ada', password: adminPassword }));

  // The administrator makes the role in Settings › Users & roles, with the switch on.
  await page.goto('/');
  await signIn(page, 'ada', adminPassword);
  await expect(nav(page).getByRole('link', { name: 'Clients' })).toBeVisible();
  await page.goto('/settings?tab=users');
  await page.getByRole('button', { name: 'New role' }).click();
  const editor = page.getByRole('dialog', { name: 'New role' });
  await editor.getByLabel('Name').fill('Account manager');
  await editor.getByLabel('What it is for').fill('Looks after their own clients and their contracts.');
  for (const permission of granted) await editor.getByRole('checkbox', { name: grantablePermissionInfo[permission].label, exact: true }).check();
  const onlyTheirs = editor.getByRole('switch', { name: 'Only the clients they manage' });
  await onlyTheirs.check();
  await expect(editor.getByText('People with this role see and change only the clients whose manager they are')).toBeVisible();
  for (const { width, height, colorScheme } of looks) {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: test.info().outputPath(`role-editor-${width}-${colorScheme}.png`) });
  }
  await editor.getByRole('button', { name: 'Save role' }).click();
  await expect(page.getByRole('row', { name: /Account manager .* Only their own/ })).toBeVisible();

  // Mo holds it and manages two clients; every other client keeps its manager.
  const role = (await valueOf(callAs(server, admin.token, 'roles.list', {}))).find((r) => r.name === 'Account manager')!;
  expect(role.onlyManagedClients).toBe(true);
  const mo = (await valueOf(callAs(server, admin.token, 'users.list', {}))).find((person) => person.active && !person.login)!;
  await valueOf(
    callAs(server, admin.token, 'users.setLogin', { staffId: mo.staffId, login: 'moe', roleId: role.id, password: moPassword, mustChangePassword: false }),
  );
  const everyClient = (await valueOf(callAs(server, admin.token, 'clients.list', { limit: 200 }))).rows;
  const [first, second] = everyClient.filter((client) => client.manager.id !== mo.staffId);
  for (const client of [first, second]) {
    const detail = await valueOf(callAs(server, admin.token, 'clients.get', { id: client.id }));
    const { id, name, company, contactEmail, billingEmail, phone, messenger, address, city, zip, country, currency, groupId, taxExempt, taxId, notes } = detail;
    const form = { name, company, contactEmail, billingEmail, phone, messenger, address, city, zip, country, currency, groupId, taxExempt, taxId, notes };
    await valueOf(callAs(server, admin.token, 'clients.update', { id, ...form, managerId: mo.staffId }));
  }
  const theirClients = [...everyClient.filter((client) => client.manager.id === mo.staffId), first, second];
  const theirs = theirClients.map((client) => client.name);
  const someoneElses = everyClient.find((client) => client.manager.id !== mo.staffId && client.id !== first.id && client.id !== second.id)!;

  // Mo signs in: the Clients page lists only their clients and says so; the user menu too.
  await page.getByRole('button', { name: /^Signed in as / }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await signIn(page, 'moe', moPassword);
  const moSession = (await valueOf(callAs(server, null, 'auth.signIn', { login: 'moe', password: moPassword }))).token;
  await nav(page).getByRole('link', { name: 'Clients' }).click();
  await expect(page.getByText('You see only the clients you manage.')).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(first.name) })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(someoneElses.name) })).toHaveCount(0);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: test.info().outputPath('scoped-clients-page.png') });
  // Adding a client: they are its manager, and the form says why the field is fixed.
  await page.goto('/clients/new');
  await expect(page.getByText('You are the manager of the clients you add or edit.')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Manager' })).toHaveValue(mo.name);
  await page.screenshot({ path: test.info().outputPath('scoped-client-form.png'), fullPage: true });
  const listed = await valueOf(callAs(server, moSession, 'clients.list', { limit: 200 }));
  expect(listed.rows.map((row) => row.name).sort()).toEqual([...theirs].sort());
  await page.getByRole('button', { name: `Signed in as ${mo.name}` }).click();
  await expect(page.getByRole('menu').getByText('You see only the clients you manage.')).toBeVisible();
  await page.keyboard.press('Escape');

  // Another manager's client, by its address and over the API, is not there for them.
  await page.goto(`/clients/${someoneElses.id}`);
  await expect(page.getByRole('heading', { name: 'Client not found' })).toBeVisible();
  expect(await callAs(server, moSession, 'clients.get', { id: someoneElses.id })).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND', message: expect.stringContaining('among the clients you manage') },
  });
  // Their own client opens.
  await page.goto(`/clients/${first.id}`);
  await expect(page.getByRole('heading', { name: first.name })).toBeVisible();

  // The fleet: their clients' miners and the facility's own, on the Miners page and in the dashboard's figures.
  const inSight = [...theirClients.map((client) => client.id), 'unassigned' as const];
  const expected = (await valueOf(callAs(server, admin.token, 'miners.list', { clientIds: inSight, limit: 1 }))).total;
  const fleetTotal = (await valueOf(callAs(server, admin.token, 'miners.list', { limit: 1 }))).total;
  expect(expected).toBeLessThan(fleetTotal);
  expect((await valueOf(callAs(server, moSession, 'miners.list', { limit: 1 }))).total).toBe(expected);
  expect((await valueOf(callAs(server, moSession, 'dashboard.summary', {}))).fleet.miners).toBe(expected);
  await nav(page).getByRole('link', { name: 'Miners' }).click();
  await expect(page.getByText(fleetInSightSentence)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import' })).toHaveCount(0);
  await page.getByPlaceholder(/^Search asset ID/).fill(someoneElses.name);
  await expect(page.getByText(/No miners match/)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('scoped-miners-page.png') });
  await nav(page).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByText(fleetInSightSentence)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Fleet hashrate, last 24 hours' }).locator('.recharts-area-area')).toBeVisible();
  // Their role has no change log (audit.view): the dashboard has no card asking for it, and so no refusal to show.
  await expect(page.getByRole('region', { name: 'Miners per client' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Recent changes' })).toHaveCount(0);
  await expect(page.getByText('Could not load data')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('scoped-dashboard.png'), fullPage: true });
});
