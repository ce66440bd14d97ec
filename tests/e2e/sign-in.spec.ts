import { expect, test } from './fixtures';
import { callAs, nav, signIn, valueOf } from './sign-in-helpers';

test.use({ serverArgs: ['--demo'] });

test('each role signs in and sees what it may do; the API refuses a technician a billing call; lock-out and a reset password', async ({ page, server }) => {
  test.setTimeout(180_000); // a dozen sign-ins, each an scrypt hash, on a shared machine
  const admin = await valueOf(callAs(server, null, 'auth.setupAdministrator', { name: 'Ada Admin', login: 'ada', password: 'correct horse battery' }));
  const staff = await valueOf(callAs(server, admin.token, 'users.list', {}));
  const [techId, clerkId] = staff.filter((person) => person.active && !person.login).map((person) => person.staffId);
  await valueOf(
    callAs(server, admin.token, 'users.setLogin', {
      staffId: techId,
      login: 'tess',
      roleKey: 'technician',
      password: 'fleet pass phrase',
      mustChangePassword: false,
    }),
  );
  await valueOf(
    callAs(server, admin.token, 'users.setLogin', {
      staffId: clerkId,
      login: 'bill',
      roleKey: 'billing',
      password: 'ledger pass phrase',
      mustChangePassword: false,
    }),
  );

  // The technician: miners but no invoices; the server refuses a billing call naming the permission.
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in to Hashdesk' })).toBeVisible();
  await signIn(page, 'tess', 'fleet pass phrase');
  await expect(page.getByRole('button', { name: /^Signed in as / })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Miners' })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Invoices' })).toHaveCount(0);
  const tech = await valueOf(callAs(server, null, 'auth.signIn', { login: 'tess', password: 'fleet pass phrase' }));
  expect(await callAs(server, tech.token, 'invoices.issue', { id: 1 })).toEqual({
    ok: false,
    error: { code: 'FORBIDDEN', message: 'Your role does not allow “Edit invoices and payments” (billing.edit), which invoices.issue needs.' },
  });
  expect(await callAs(server, null, 'miners.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });

  await page.getByRole('button', { name: /^Signed in as / }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Hashdesk' })).toBeVisible();

  // The billing clerk: invoices but no tasks, and no Users & roles.
  await signIn(page, 'bill', 'ledger pass phrase');
  await expect(nav(page).getByRole('link', { name: 'Invoices' })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Tasks' })).toHaveCount(0);
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('tab', { name: 'Staff' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Users & roles' })).toHaveCount(0);
  await page.getByRole('button', { name: /^Signed in as / }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();

  // Five wrong passwords pause the login, and the screen says for how long.
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await signIn(page, 'tess', 'not the password');
    await expect(page.getByRole('alert')).toContainText(
      attempt < 5 ? 'The login or the password is wrong' : 'Too many wrong passwords for this login. Try again in 30 seconds.',
    );
  }

  // The administrator resets the clerk's password; the one-time password leads only to choosing a new one.
  await signIn(page, 'ada', 'correct horse battery');
  await expect(page.getByRole('button', { name: 'Signed in as Ada Admin' })).toBeVisible();
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Users & roles' }).click();
  await page.getByRole('button', { name: 'Login actions for' + ` ${staff.find((person) => person.staffId === clerkId)?.name}` }).click();
  await page.getByRole('menuitem', { name: 'Reset password' }).click();
  const oneTime = (await page.getByLabel('One-time password').textContent()) ?? '';
  expect(oneTime).toMatch(/^\w{4}-\w{4}-\w{4}$/);
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: /^Signed in as / }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await signIn(page, 'bill', oneTime);
  await expect(page.getByRole('heading', { name: 'Choose your password' })).toBeVisible();
  const [current, fresh, repeated] = [0, 1, 2].map((index) => page.locator('input[type=password]').nth(index));
  await current.fill(oneTime);
  await fresh.fill('my own ledger phrase');
  await repeated.fill('my own ledger phrase');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(nav(page).getByRole('link', { name: 'Invoices' })).toBeVisible();
  const audit = await valueOf(callAs(server, admin.token, 'audit.list', { entity: 'staff' }));
  expect(audit.rows.map((row) => row.action)).toEqual(expect.arrayContaining(['staff.password_reset', 'staff.password_changed', 'staff.locked_out']));
  expect(JSON.stringify(audit.rows)).not.toMatch(/pass phrase|correct horse|scrypt/);
});
