import type { Page } from '@playwright/test';
import type { BuiltInRoleKey } from '../../electron/contract/roles';
import { expect, test } from './fixtures';
import { callAs, expectRefused, nav, signIn, signOut, valueOf } from './sign-in-helpers';

test.use({ serverArgs: ['--demo'] });

/** The sentence a disabled control's tooltip shows, naming the permission the role lacks. */
const refusal = {
  editClients: 'Your role does not allow “Edit clients” (clients.edit).',
  editMiners: 'Your role does not allow “Edit miners” (fleet.edit).',
  editTasks: 'Your role does not allow “Edit tasks” (tasks.edit).',
  actOnDevices: 'Your role does not allow “Act on devices” (devices.act).',
  editBilling: 'Your role does not allow “Edit invoices and payments” (billing.edit).',
  editContracts: 'Your role does not allow “Edit contracts” (contracts.edit).',
};

const passwords: Record<Exclude<BuiltInRoleKey, 'administrator'>, string> = {
  viewer: 'only looking here',
  manager: 'clients and contracts',
  technician: 'fleet pass phrase',
  billing: 'ledger pass phrase',
};

/** The miners page with its first miner picked: the mass-action bar. */
async function pickAMiner(page: Page) {
  await nav(page).getByRole('link', { name: 'Miners' }).click();
  await page
    .getByRole('checkbox', { name: /^Select [A-Z]{2}-\d+/ })
    .first()
    .click();
  return page.getByRole('toolbar', { name: 'Mass actions' });
}

test('each built-in role sees what it may do: the rest is disabled, saying which permission is missing', async ({ page, server }) => {
  test.setTimeout(300_000); // a hang guard: five sign-ins (each an scrypt hash) and a dozen page loads on a shared, busy machine
  const admin = await valueOf(callAs(server, null, 'auth.setupAdministrator', { name: 'Ada Admin', login: 'ada', password: 'correct horse battery' }));
  const staff = (await valueOf(callAs(server, admin.token, 'users.list', {}))).filter((person) => person.active && !person.login);
  for (const [index, role] of (Object.keys(passwords) as (keyof typeof passwords)[]).entries()) {
    const login = { staffId: staff[index].staffId, login: role, roleKey: role, password: passwords[role], mustChangePassword: false };
    await valueOf(callAs(server, admin.token, 'users.setLogin', login));
  }
  const [draft] = (await valueOf(callAs(server, admin.token, 'invoices.list', { status: 'draft' }))).invoices;
  const [client] = (await valueOf(callAs(server, admin.token, 'clients.list', {}))).rows;
  await page.goto('/');

  // The viewer reads everything and changes nothing; each refusal names the permission.
  await signIn(page, 'viewer', passwords.viewer);
  await nav(page).getByRole('link', { name: 'Clients' }).click();
  await expectRefused(page, page.getByRole('link', { name: 'Add client' }), refusal.editClients);
  await expectRefused(page, page.getByRole('link', { name: `Edit ${client.name}` }), refusal.editClients);
  await page.goto(`/clients/${client.id}`);
  await expectRefused(page, page.getByRole('link', { name: 'Edit', exact: true }), refusal.editClients);
  await page.getByRole('button', { name: 'More' }).click();
  const changeStatus = page.getByRole('menuitem', { name: 'Change status' });
  await expect(changeStatus).toBeDisabled();
  await expect(changeStatus).toContainText(refusal.editClients);
  await page.keyboard.press('Escape');
  const viewerBar = await pickAMiner(page);
  await expectRefused(page, viewerBar.getByRole('button', { name: 'Edit client' }), refusal.editMiners);
  await expectRefused(page, viewerBar.getByRole('button', { name: 'Device actions' }), refusal.actOnDevices);
  await expectRefused(page, viewerBar.getByRole('button', { name: 'Create task' }), refusal.editTasks);
  await nav(page).getByRole('link', { name: 'Invoices' }).click();
  await expectRefused(page, page.getByRole('button', { name: 'Generate invoices' }), refusal.editBilling);
  // An editor reached by its address says why instead of offering a form that would be refused.
  await page.goto('/clients/new');
  await expect(page.getByText(`${refusal.editClients} An administrator can change your role in Settings.`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add client' })).toHaveCount(0);
  await signOut(page);

  // The manager: clients and contracts, but not issuing invoices or acting on devices.
  await signIn(page, 'manager', passwords.manager);
  await nav(page).getByRole('link', { name: 'Clients' }).click();
  await expect(page.getByRole('link', { name: 'Add client' })).toBeEnabled();
  await nav(page).getByRole('link', { name: 'Contracts' }).click();
  await expect(page.getByRole('link', { name: 'New contract' })).toBeEnabled();
  await page.goto(`/invoices/${draft.id}`);
  await expectRefused(page, page.getByRole('button', { name: 'Issue', exact: true }), refusal.editBilling);
  const managerBar = await pickAMiner(page);
  await expectRefused(page, managerBar.getByRole('button', { name: 'Device actions' }), refusal.actOnDevices);
  await expectRefused(page, managerBar.getByRole('button', { name: 'Mark paid' }), refusal.editMiners);
  await managerBar.getByRole('button', { name: 'More' }).click();
  await expect(page.getByRole('menuitem', { name: 'Put on a contract…' })).toBeEnabled();
  await expect(page.getByRole('menuitem', { name: 'Set state' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await signOut(page);

  // The technician: mass edits and device actions, but no new clients.
  await signIn(page, 'technician', passwords.technician);
  const techBar = await pickAMiner(page);
  await expect(techBar.getByRole('button', { name: 'Edit client' })).toBeEnabled();
  await techBar.getByRole('button', { name: 'Device actions' }).click();
  await expect(page.getByRole('menuitem', { name: 'Reboot' })).toBeEnabled();
  await page.keyboard.press('Escape');
  await nav(page).getByRole('link', { name: 'Clients' }).click();
  await expectRefused(page, page.getByRole('link', { name: 'Add client' }), refusal.editClients);
  await signOut(page);

  // The billing clerk: the invoice batch, but not the miners' mass edit.
  await signIn(page, 'billing', passwords.billing);
  await nav(page).getByRole('link', { name: 'Invoices' }).click();
  await expect(page.getByRole('button', { name: 'Generate invoices' })).toBeEnabled();
  await page.goto(`/invoices/${draft.id}`);
  await expect(page.getByRole('button', { name: 'Issue', exact: true })).toBeEnabled();
  const billingBar = await pickAMiner(page);
  await expectRefused(page, billingBar.getByRole('button', { name: 'Mark paid' }), refusal.editMiners);
  await expectRefused(page, billingBar.getByRole('button', { name: 'Device actions' }), refusal.actOnDevices);
  await page.goto(`/contracts/new`);
  await expect(page.getByText(`${refusal.editContracts} An administrator can change your role in Settings.`)).toBeVisible();
});
