import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from './fixtures';

test.use({ serverArgs: ['--demo'] });

/**
 * What the telemetry poller would write, written straight into the served database: the demo has no
 * simulator polling it, and the alert rules judge what is stored.
 */
function withDb<T>(dataDir: string, change: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, 'hashdesk.db'));
  db.pragma('busy_timeout = 5000');
  try {
    return change(db);
  } finally {
    db.close();
  }
}

test('offline miners alert; one is acknowledged with a note, resolves and shows in the history; the rules refuse a bad threshold', async ({
  page,
  api,
  server,
}) => {
  test.slow(); // a demo facility on a shared machine
  // The rules judge the demo as it is now before anything is counted (what the app's own first check, 20 s after
  // it starts, would do): any check after this one, the app's or Check now, finds the same until this test changes something.
  await api.call('alerts.evaluate', {});
  const before = (await api.call('alerts.list', {})).statusCounts;
  const firing = before.open + before.acknowledged;
  // The page is open before anything changes: the shell's alert feed starts from here, so it announces what the next
  // check opens, whether Check now or the app's own once-a-minute check gets there first.
  const feedStarted = page.waitForResponse((response) => response.url().endsWith('/api/alerts.feed'));
  await page.goto('/alerts');
  await expect(page.getByRole('heading', { name: 'Alerts' })).toBeVisible();
  await feedStarted;
  // The demo facility has alerts of its own; two of its answering miners went quiet three hours ago.
  const quiet = withDb(server.dataDir, (db) => {
    const rows = db
      .prepare(
        `SELECT id, asset_id AS assetId FROM miners WHERE live_status = 'online' AND ip IS NOT NULL AND state NOT IN ('retired', 'rma')
         AND id NOT IN (SELECT miner_id FROM alerts WHERE resolved_at IS NULL AND miner_id IS NOT NULL) ORDER BY id LIMIT 2`,
      )
      .all() as { id: number; assetId: string }[];
    const hoursAgo = new Date(Date.now() - 3 * 3_600_000).toISOString();
    for (const row of rows) db.prepare(`UPDATE miners SET live_status = 'offline', last_seen_at = ? WHERE id = ?`).run(hoursAgo, row.id);
    return rows;
  });
  expect(quiet).toHaveLength(2);
  const [first, second] = quiet;

  await page.getByRole('button', { name: 'Check now' }).click();
  // The app's own once-a-minute check may have opened them first.
  await expect(page.getByText(new RegExp(`^[02] opened, 0 resolved; ${firing + 2} firing now\\.$`))).toBeVisible();
  await expect(page.getByText(`Miner offline: ${first.assetId}`)).toBeVisible(); // the app shell's in-app notification
  const table = page.getByRole('table', { name: 'Alerts' });
  const firstRow = table.getByRole('row', { name: new RegExp(first.assetId) });
  await expect(firstRow).toContainText('Offline for 3 hours');
  await expect(firstRow).toContainText('rule: over 10 minutes');
  await expect(firstRow).toContainText('Last answered'); // since when it is offline, in the same row
  await expect(page.getByRole('tab', { name: `Firing (${firing + 2})` })).toBeVisible();
  await expect(page.getByText('Every alert still firing, whether or not someone has acknowledged it.')).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(second.assetId) })).toBeVisible();
  await expect(page.getByRole('link', { name: /Alerts/ }).getByText(String(before.open + 2))).toBeVisible(); // the navigation badge
  await expect(page.getByRole('tab', { name: `Not acknowledged (${before.open + 2})` })).toBeVisible();

  // Acknowledge the first one with a note
  await firstRow.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Acknowledge 1' }).click();
  const dialog = page.getByRole('dialog', { name: 'Acknowledge 1 alert' });
  await dialog.getByLabel('Note').fill('Breaker tripped in row 1; electrician on the way');
  await dialog.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(dialog).toBeHidden();
  await expect(firstRow).toContainText('local operator');
  await expect(firstRow).toContainText('Breaker tripped in row 1; electrician on the way');
  await expect(page.getByRole('tab', { name: `Not acknowledged (${before.open + 1})` })).toBeVisible();
  await expect(page.getByRole('tab', { name: `Acknowledged (${before.acknowledged + 1})` })).toBeVisible();
  const [entry] = (await api.call('audit.list', { entity: 'alert' })).rows;
  expect(entry).toMatchObject({ action: 'alert.acknowledged', actor: 'local operator', after: { note: 'Breaker tripped in row 1; electrician on the way' } });

  // The miner answers again: its alert resolves into the history, with who acknowledged it
  withDb(server.dataDir, (db) => db.prepare(`UPDATE miners SET live_status = 'online', last_seen_at = ? WHERE id = ?`).run(new Date().toISOString(), first.id));
  await page.getByRole('button', { name: 'Check now' }).click();
  await expect(page.getByText(new RegExp(`^0 opened, [01] resolved; ${firing + 1} firing now\\.$`))).toBeVisible();
  await expect(firstRow).toBeHidden();
  await page.getByRole('tab', { name: `History (${before.resolved + 1})` }).click();
  await expect(page).toHaveURL(/status=resolved/);
  const resolved = table.getByRole('row', { name: new RegExp(first.assetId) });
  await expect(resolved).toContainText('Resolved');
  await expect(resolved).toContainText('Breaker tripped in row 1');

  // The subject links to the miner's drawer
  await page.getByRole('link', { name: first.assetId }).click();
  await expect(page).toHaveURL(new RegExp(`/miners\\?.*miner=${first.id}`));

  // Settings › Alerts: a missing threshold is explained and nothing is saved (the input itself keeps numbers in range)
  await page.goto('/settings?tab=alerts');
  const threshold = page.getByRole('textbox', { name: 'Hashrate low: threshold' });
  await threshold.fill('');
  await page.getByRole('button', { name: 'Save alert rules' }).click();
  await expect(page.getByText('Must be a whole number from 1 to 100 %')).toBeVisible();
  expect((await api.call('audit.list', { entity: 'alert_rule' })).total).toBe(0);
  await threshold.fill('90');
  await page.getByRole('button', { name: 'Save alert rules' }).click();
  await expect(page.getByText('Alert rules saved')).toBeVisible();
  const [ruleEntry] = (await api.call('audit.list', { entity: 'alert_rule' })).rows;
  expect(ruleEntry).toMatchObject({ action: 'alert.rule.updated', before: { threshold: 80 }, after: { threshold: 90 } });
});
