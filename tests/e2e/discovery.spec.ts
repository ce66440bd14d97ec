import { startSimulator, type Simulator } from '../../tools/sim/simulator';
import { expect, test } from './fixtures';

// Eight stock Antminers on 127.66.0.1-8 (loopback only), no quirks: every one must be identified. Two more
// on 127.66.1.1-2 open their ports and say nothing, which keeps a scan that includes them running for seconds.
let sim: Simulator;
let silent: Simulator;
test.beforeAll(async () => {
  sim = await startSimulator({ count: 8, base: '127.66.0.0/24', families: ['antminer'], seed: 3, quirkRate: 0 });
  silent = await startSimulator({ count: 2, base: '127.66.1.0/24', families: ['antminer'], seed: 3, quirkRate: 1, quirks: ['silent'] });
});
test.afterAll(async () => {
  await sim?.stop();
  await silent?.stop();
});

test('a simulated range is scanned live in the UI, reviewed, committed, and its miners are in the inventory', async ({ page, api }) => {
  test.setTimeout(150_000); // scan, review, inventory, a telemetry poll and its charts: long on a shared machine
  const site = await api.call('sites.create', { name: 'Loopback Hall', timeZone: null, address: '', notes: '' });
  await page.goto('/discovery');
  const form = page.getByRole('form', { name: 'New scan' });
  await expect(page.getByRole('navigation', { name: 'Scan history' }).getByText('No scans yet.')).toBeVisible();

  // A range that is too large is refused on the field, with its line, before anything starts
  await form.getByRole('combobox', { name: 'Site', exact: true }).click();
  await page.getByRole('option', { name: 'Loopback Hall' }).click();
  const ranges = form.getByRole('textbox', { name: 'Ranges' });
  await ranges.fill('127.66.0.0/28\n127.0.0.0/8');
  await form.getByRole('button', { name: 'Start scan' }).click();
  await expect(form.getByText('Line 2: "127.0.0.0/8" is larger than a /16')).toBeVisible();
  expect(await api.call('discovery.scans', {})).toEqual([]);

  await ranges.fill('127.66.0.0/28');
  await expect(form.getByText('16 addresses × 4 ports')).toBeVisible();
  await form.getByLabel("Save as this site's ranges").check();
  await form.getByRole('button', { name: 'Start scan' }).click();

  // Progress, then the findings as they come; the scan of a /28 on loopback ends within seconds
  const progress = page.getByRole('region', { name: 'Scan progress' });
  await expect(progress.getByText(/Scan #\d+/)).toBeVisible();
  await expect(page).toHaveURL(/\/discovery\?scan=\d+$/);
  await expect(progress.getByRole('group', { name: 'Probed' })).toContainText('/ 16');
  await expect(progress.getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(progress.getByRole('progressbar', { name: 'Probed 16 of 16 addresses' })).toBeVisible();
  await expect(progress.getByRole('group', { name: 'Identified' })).toContainText('8');

  // The review: every simulated Antminer is new, with its own serial and MAC, and chosen
  const findings = page.getByRole('table', { name: 'Findings' });
  await expect(findings.getByRole('row')).toHaveCount(9);
  for (const host of sim.hosts) {
    const row = findings.getByRole('row').filter({ hasText: host.ip });
    await expect(row).toContainText('Identified');
    await expect(row).toContainText('New');
    await expect(row).toContainText(host.mac);
    await expect(row).toContainText(host.worker); // the pool worker it reported, with its live figures
    await expect(row.getByRole('checkbox', { name: `Add ${host.ip}` })).toBeChecked();
  }
  await page.getByText('Open but unidentified (0)').click();
  await expect(page.getByText('No findings in this state.')).toBeVisible();
  await page.getByText('All (8)').click();

  // Leave one out, add the seven to the inventory after one confirmation
  const leftOut = sim.hosts[7];
  await findings.getByRole('checkbox', { name: `Add ${leftOut.ip}` }).uncheck();
  await page.getByRole('region', { name: 'Review' }).getByRole('button', { name: 'Update inventory' }).click();
  const dialog = page.getByRole('dialog', { name: /^Update the inventory from scan #\d+\?$/ });
  await expect(dialog.getByText('Add 7 new miners.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Update inventory' }).click();
  await expect(page.getByText('7 miners added, 0 updated.')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Scan history' }).getByText('In inventory')).toBeVisible();
  const [scan] = await api.call('discovery.scans', {});
  expect(scan).toMatchObject({ siteId: site.id, status: 'done', identifiedHosts: 8 });
  expect(scan.committedAt).not.toBeNull();
  expect(await api.call('discovery.ranges.get', { siteId: site.id })).toEqual({ siteId: site.id, ranges: ['127.66.0.0/28'] });

  // The notification's link opens the Miners page; the search shows the seven committed, not the one left out
  await page.getByRole('link', { name: 'Open the Miners page' }).click();
  await expect(page).toHaveURL(/\/miners$/);
  await page.goto('/miners?q=127.66.0.');
  const miners = page.getByRole('table', { name: 'Miners' });
  for (const host of sim.hosts.slice(0, 7)) await expect(miners.getByText(host.ip, { exact: true })).toBeVisible();
  await expect(miners.getByText(leftOut.ip, { exact: true })).toHaveCount(0);
  const listed = await api.call('miners.list', { search: '127.66.0.', limit: 20 });
  expect(listed.total).toBe(7);
  expect(listed.rows.every((row) => row.siteName === 'Loopback Hall')).toBe(true);

  // Back on Discovery, the site's saved ranges fill the form, and the past scan opens from the history
  await page.goto('/discovery');
  await form.getByRole('combobox', { name: 'Site', exact: true }).click();
  await page.getByRole('option', { name: 'Loopback Hall' }).click();
  await expect(ranges).toHaveValue('127.66.0.0/28');
  await page.getByRole('button', { name: `Open scan ${scan.id}` }).click();
  await expect(findings.getByRole('row').filter({ hasText: sim.hosts[0].ip })).toContainText('Unchanged');
  await expect(findings.getByRole('row').filter({ hasText: leftOut.ip })).toContainText('New');

  // Telemetry: one poll from Settings › Telemetry reads the seven; the table shows them online and a drawer charts them
  await page.goto('/settings?tab=telemetry');
  await page.getByRole('button', { name: 'Poll now' }).click();
  await expect.poll(async () => (await api.call('telemetry.status', {})).lastCycle?.answered ?? 0, { timeout: 30_000 }).toBe(7);
  const first = listed.rows.find((row) => row.ip === sim.hosts[0].ip)!;
  await page.goto(`/miners?q=${sim.hosts[0].ip}&miner=${first.id}`);
  await expect(page.getByRole('table', { name: 'Miners' }).getByRole('row').filter({ hasText: sim.hosts[0].ip })).toContainText('Online');
  const drawer = page.getByRole('dialog');
  await drawer.getByRole('tab', { name: 'Telemetry' }).click();
  await expect(drawer.getByText('Polled at')).toBeVisible();
  await expect(drawer.getByText(/^[\d,]+ W, (the model's nameplate|reported by the miner)$/)).toBeVisible();
  await expect(drawer.getByText('TH/s, 1 miner')).toBeVisible(); // the hashrate chart's caption
  await expect(drawer.getByText('No telemetry in this range')).toHaveCount(0);
});

test('findings show while a scan runs, and Cancel stops it', async ({ page, api }) => {
  expect(silent.hosts.map((host) => host.quirk)).toEqual(['silent', 'silent']);
  await page.goto('/discovery');
  const form = page.getByRole('form', { name: 'New scan' });
  await form.getByRole('textbox', { name: 'Ranges' }).fill('127.66.0.1-4\n127.66.1.1-2');
  await form.getByRole('button', { name: 'Start scan' }).click();

  const progress = page.getByRole('region', { name: 'Scan progress' });
  await expect(progress.getByText('Running', { exact: true })).toBeVisible();
  const findings = page.getByRole('table', { name: 'Findings' });
  for (const host of sim.hosts.slice(0, 4)) await expect(findings.getByRole('row').filter({ hasText: host.ip })).toContainText('Identified');
  await expect(progress.getByRole('group', { name: 'Identified' })).toContainText('4');
  await expect(progress.getByText('Running', { exact: true })).toBeVisible();

  await progress.getByRole('button', { name: 'Cancel scan' }).click();
  await expect(progress.getByText('Cancelled', { exact: true })).toBeVisible();
  await expect(progress.getByText('Cancelled before every address was probed.')).toBeVisible();
  await expect(progress.getByRole('button', { name: 'Cancel scan' })).toHaveCount(0);
  // What was found before the cancel is kept and can still be reviewed
  await expect(findings.getByRole('row')).toHaveCount(5);
  await expect(findings.getByRole('row').filter({ hasText: sim.hosts[0].ip })).toContainText('New');
  const [scan] = await api.call('discovery.scans', {});
  expect(scan).toMatchObject({ status: 'cancelled', identifiedHosts: 4, committedAt: null });
});
