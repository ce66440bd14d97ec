import { startTempSmtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { expect, test } from './fixtures';

let sink: SmtpSink;
test.beforeEach(async () => {
  sink = await startTempSmtpSink({ user: 'office', password: 'north-wind-7' });
});
test.afterEach(() => sink.stop());

test('SMTP set up in Settings: a refused login in words, then the test e-mail in the sink; an announcement leaves through the outbox', async ({
  page,
  api,
}) => {
  await page.goto('/settings?tab=mail');
  await page.getByLabel('Mail server').fill('127.0.0.1');
  await page.getByLabel('Port').fill(String(sink.port));
  await page.getByText('None (plain text)', { exact: true }).click();
  await page.getByLabel('User name').fill('office');
  await page.getByLabel('Password', { exact: true }).fill('wrong-password');
  await page.getByLabel('Sender name').fill('Frostline Billing');
  await page.getByLabel('Sender address').fill('billing@frostline.test');
  await page.getByRole('button', { name: 'Save e-mail settings' }).click();
  await expect(page.getByText('Waiting mail in the outbox is tried again now.')).toBeVisible();
  await expect(page.getByText('A password is saved.')).toBeVisible();
  const saved = await api.call('mail.settings.get', {});
  expect(saved).toMatchObject({ configured: true, passwordSet: true, port: sink.port });
  expect(JSON.stringify(saved)).not.toContain('wrong-password');

  await page.getByLabel('Send a test e-mail to').fill('ops@frostline.test');
  await page.getByRole('button', { name: 'Send test e-mail' }).click();
  const refused = page.getByRole('alert').filter({ hasText: 'The test e-mail was not sent' });
  await expect(refused).toContainText(`The mail server at 127.0.0.1:${sink.port} refused the login for “office”`);
  await expect(refused).toContainText('The server answered: 535 5.7.8 Authentication credentials invalid');

  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByLabel('Password', { exact: true }).fill('north-wind-7');
  await page.getByRole('button', { name: 'Save e-mail settings' }).click();
  await expect(page.getByText('A password is saved.')).toBeVisible();
  await page.getByLabel('Send a test e-mail to').fill('ops@frostline.test');
  await page.getByRole('button', { name: 'Send test e-mail' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The test e-mail was sent' })).toContainText(
    `The mail server at 127.0.0.1:${sink.port} accepted the test e-mail for ops@frostline.test.`,
  );
  const [test] = await sink.waitFor(1);
  expect(test).toMatchObject({ rcptTos: ['ops@frostline.test'], from: 'Frostline Billing <billing@frostline.test>', login: true });
  expect(test.subject).toBe('Test e-mail from Hashdesk (Frostline Billing)');

  const manager = await api.call('staff.create', { name: 'Maria Lopez' });
  await api.call('clients.create', { name: 'Fjord Hash AS', contactEmail: 'ops@fjordhash.example', managerId: manager.id });
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Mail', exact: true }).click();
  await page.getByRole('tab', { name: 'Announcements' }).click();
  await page.getByRole('button', { name: 'New announcement' }).click();
  await page.getByLabel('Subject').fill('Power work on Sunday');
  await page.getByLabel('Text').fill('Dear {{client.name}}, the hall is off from 08:00 to 12:00.');
  await page.getByRole('button', { name: 'Send announcement' }).click();
  await expect(page.getByText('All clients: 1 e-mail in the outbox.')).toBeVisible();
  const [, announcement] = await sink.waitFor(2);
  expect(announcement).toMatchObject({ rcptTos: ['ops@fjordhash.example'], subject: 'Power work on Sunday' });
  expect(announcement.text.trim()).toBe('Dear Fjord Hash AS, the hall is off from 08:00 to 12:00.');
  await page.getByRole('button', { name: 'Recipients (1)' }).click();
  await expect(page.getByRole('table', { name: 'Recipients of Power work on Sunday' }).getByText('Sent', { exact: true })).toBeVisible({ timeout: 15_000 });

  await page.getByRole('tab', { name: 'Outbox' }).click();
  const row = page.getByRole('table', { name: 'Outbox' }).getByRole('row').filter({ hasText: 'ops@fjordhash.example' });
  await expect(row).toContainText('Announcement “Power work on Sunday”');
  await expect(row.getByText('Sent', { exact: true })).toBeVisible();
  const actions = (await api.call('audit.list', { entity: 'mail_settings' })).rows.map((row: { action: string }) => row.action);
  expect(actions).toEqual(expect.arrayContaining(['mail_settings.updated', 'mail.test_failed', 'mail.test_sent']));
});
