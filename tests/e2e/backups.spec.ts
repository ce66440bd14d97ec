import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';

test('back up now, restore that backup at the restart with a safety copy, and refuse a file that is no backup', async ({ page, api, server }) => {
  test.setTimeout(150_000); // a restart of the server in the middle
  const manager = await api.call('staff.create', { name: 'Maria Lopez' });
  await api.call('clients.create', { name: 'Fjord Hash AS', contactEmail: 'ops@fjordhash.example', managerId: manager.id });

  await page.goto('/settings?tab=backups');
  // The settings page loads slowly on a busy machine.
  await expect(page.getByText('No backup has been made yet.')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByText('Backup made')).toBeVisible();
  const [backup] = await api.call('backups.list', {});
  expect(backup).toMatchObject({ kind: 'manual', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  expect(backup.name).toMatch(/^hashdesk-\d{4}-\d{2}-\d{2}-\d{4}(-\d{2})?-v.+\.sqlite$/);
  await expect(page.getByRole('table', { name: 'Backups' }).getByText(backup.name)).toBeVisible();

  // A change after the backup: the restore takes it away, and the safety copy keeps it.
  await api.call('clients.create', { name: 'Arctic Hash Ltd', contactEmail: 'ops@arctic.example', managerId: manager.id });

  await page.getByRole('button', { name: `Restore ${backup.name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Restore ${backup.name}?` });
  await expect(dialog.getByText('Clients', { exact: true })).toBeVisible();
  await expect(dialog.getByText('Clients', { exact: true }).locator('..')).toContainText('1');
  await expect(dialog.getByText(/-before-restore\.sqlite/)).toBeVisible();
  await expect(dialog.getByText(/Stored passwords .* are sealed with this computer's key/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Restore at the next start' }).click();
  const waiting = page.getByRole('status').filter({ hasText: 'Restart Hashdesk to finish the restore' });
  await expect(waiting).toContainText('Stop npm run serve (Ctrl+C) and start it again.');
  const pending = (await api.call('backups.status', {})).pendingRestore!;
  expect(pending).toMatchObject({ name: backup.name, requestedBy: 'local operator' });
  expect((await api.call('audit.list', { entity: 'backup' })).rows.map((row) => row.action)).toEqual(['backup.restore_requested', 'backup.created']);

  await server.restart();
  expect((await api.call('clients.list', {})).rows.map((client) => client.name)).toEqual(['Fjord Hash AS']);
  await page.goto(`${server.info.url}/settings?tab=backups#token=${server.info.token}`);
  // The restarted server and the page load take their time on a busy machine.
  await expect(page.getByText('The backup was restored at this start')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(pending.safetyCopy)).toBeVisible();
  const kinds = (await api.call('backups.list', {})).map((b) => b.kind).sort();
  expect(kinds).toEqual(['before-restore', 'manual']);
  const restored = (await api.call('audit.list', { entity: 'backup' })).rows[0];
  expect(restored).toMatchObject({ action: 'backup.restored', actor: 'local operator' });
  expect(restored.summary).toContain('was kept as');

  // Anything that is not a Hashdesk database is refused by the preview, in words.
  const notes = join(server.dataDir, 'notes.sqlite');
  writeFileSync(notes, 'a shopping list\n'.repeat(100));
  await page.getByLabel('Restore another file').fill(notes);
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'This file cannot be restored' })).toContainText('it is not a Hashdesk database');
  await expect(page.getByRole('button', { name: 'Restore at the next start' })).toHaveCount(0);
});

test('backup settings: a folder that is not a full path is refused; the settings file exports without secrets', async ({ page, api }) => {
  await page.goto('/settings?tab=backups');
  await expect(page.getByLabel('Backup folder')).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Backup folder').fill('backups-here');
  await page.getByRole('button', { name: 'Save backup settings' }).click();
  await expect(page.getByText(/is not a full path/i).first()).toBeVisible();
  expect((await api.call('audit.list', { entity: 'backup_settings' })).total).toBe(0);

  await page.getByLabel('Daily backups kept').fill('30');
  const status = await api.call('backups.status', {});
  await page.getByLabel('Backup folder').fill(join(status.dataFolder, 'elsewhere'));
  await page.getByRole('button', { name: 'Save backup settings' }).click();
  await expect(page.getByText('Backup settings saved')).toBeVisible();
  expect((await api.call('backups.status', {})).settings).toMatchObject({ keepDaily: 30, folder: join(status.dataFolder, 'elsewhere') });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export settings' }).click();
  const file = await (await download).path();
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported).toMatchObject({ format: 'hashdesk-settings', formatVersion: 1 });
  expect(JSON.stringify(exported)).not.toMatch(/password|community/i);
});
