import { expect, test } from './fixtures';
import { callAs, expectRefused, nav, signIn, valueOf } from './sign-in-helpers';

test.use({ serverArgs: ['--demo'] });

/**
 * A dialog gates its own submit, not only the button that opens it: here the technician opens the miners import, an
 * administrator makes them a viewer meanwhile, and the import's last step refuses, naming the permission, instead of
 * offering a button the server would refuse (the way a deep link, a shortcut or a future button would reach it).
 */
test('a dialog opened before the role lost the permission refuses at its submit, saying why', async ({ page, server }) => {
  test.setTimeout(240_000); // a hang guard: two sign-ins (scrypt) and the demo facility on a shared, busy machine
  const admin = await valueOf(callAs(server, null, 'auth.setupAdministrator', { name: 'Ada Admin', login: 'ada', password: 'correct horse battery' }));
  const [person] = (await valueOf(callAs(server, admin.token, 'users.list', {}))).filter((user) => user.active && !user.login);
  const password = 'fleet pass phrase';
  await valueOf(
    callAs(server, admin.token, 'users.setLogin', { staffId: person.staffId, login: 'tech', roleKey: 'technician', password, mustChangePassword: false }),
  );

  await page.goto('/');
  await signIn(page, 'tech', password);
  await nav(page).getByRole('link', { name: 'Miners' }).click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import miners' });
  const csv = ['Serial,IP,Model', 'E2E-ROLE-1,127.61.0.9,Antminer S21'].join('\n');
  await dialog.locator('input[type="file"]').setInputFiles({ name: 'miners.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

  // Demoted while the dialog is open; the preview (a read a viewer may make) refreshes what the page knows of the role.
  await valueOf(callAs(server, admin.token, 'users.setRole', { staffId: person.staffId, roleKey: 'viewer' }));
  await dialog.getByRole('button', { name: 'Next: columns' }).click();
  await dialog.getByRole('button', { name: 'Next: preview' }).click();

  const importButton = dialog.getByRole('button', { name: 'Import 1 miner' });
  await expectRefused(page, importButton, 'Your role does not allow “Edit miners” (fleet.edit).');
  for (const [width, height, colorScheme] of [
    [1440, 900, 'light'],
    [1280, 800, 'dark'],
  ] as const) {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width, height });
    await page.mouse.move(0, 0);
    await importButton.locator('xpath=..').hover();
    await expect(page.getByRole('tooltip')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath(`import-refused-viewer-${width}-${colorScheme}.png`) });
  }
});
