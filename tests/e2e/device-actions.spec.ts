import { poolsOf } from '../../tools/sim/miner';
import { startSimulator, type Simulator } from '../../tools/sim/simulator';
import { expect, test } from './fixtures';

// Four simulated miners of four families on 127.68.0.1-4 (loopback only), all of one unpaid client.
let sim: Simulator;
test.beforeAll(async () => {
  sim = await startSimulator({ count: 4, base: '127.68.0.0/24', families: ['antminer', 'whatsminer', 'braiins', 'bitaxe'], seed: 8, quirkRate: 0 });
});
test.afterAll(async () => {
  await sim?.stop();
});

const holdingUrl = 'stratum+tcp://holding.facility.test:3333';

test("an unpaid client's miners are redirected to the holding pool from the UI and restored when the client pays", async ({ page, api }) => {
  test.slow(); // a poll, two device actions over the network, several pages
  const manager = await api.call('staff.create', { name: 'Maria Lopez' });
  const client = await api.call('clients.create', { name: 'Late Payer Mining', contactEmail: 'ops@latepayer.example', managerId: manager.id });
  for (const [i, host] of sim.hosts.entries()) {
    await api.call('miners.create', { assetId: `LP-${i + 1}`, make: host.make, model: host.model, ip: host.ip, clientId: client.id, paid: false });
  }
  const originals = sim.hosts.map((host) => poolsOf(sim.miner(host.ip)).map(({ url, user }) => ({ url, user })));
  // One poll finds each miner's family (the scanner or the poller does this in the facility)
  await api.call('telemetry.pollNow', {});
  await expect
    .poll(async () => (await api.call('devices.actions.preview', { target: { clientId: client.id, unpaidOnly: true }, kind: 'pool_redirect' })).unknownFamily, {
      timeout: 30_000,
    })
    .toBe(0);

  // The holding pool, set in Settings › Miner access; its password is never shown again
  await page.goto('/settings?tab=access');
  const holding = page.getByRole('form', { name: 'Holding pool' });
  await holding.getByLabel('Pool URL').fill('http://wrong:1');
  await holding.getByRole('button', { name: 'Save holding pool' }).click();
  await expect(holding.getByText(/Must look like stratum\+tcp:\/\//)).toBeVisible();
  await holding.getByLabel('Pool URL').fill(holdingUrl);
  await holding.getByLabel('Holding worker').fill('facility');
  await holding.getByLabel('Pool password').fill('Hold-Secret-9');
  await holding.getByRole('button', { name: 'Save holding pool' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Holding pool saved' })).toBeVisible();

  // Redirect from the client page: the confirmation lists the families, then each miner's result
  await page.goto(`/clients/${client.id}`);
  const line = page.getByRole('region', { name: 'Pool redirect' });
  await expect(line.getByText('No miners redirected to the holding pool')).toBeVisible();
  await line.getByRole('button', { name: 'Redirect unpaid miners' }).click();
  const dialog = page.getByRole('dialog', { name: /Redirect to holding pool: Late Payer Mining's unpaid miners/ });
  const families = dialog.getByRole('table', { name: 'Miners per family' });
  for (const label of ['Antminer', 'Whatsminer', 'Braiins', 'Bitaxe'])
    await expect(families.getByRole('row', { name: new RegExp(label) })).toContainText('Supported');
  await dialog.getByRole('button', { name: 'Redirect 4 miners' }).click();
  const progress = dialog.getByRole('region', { name: 'Action progress' });
  await expect(progress.getByText(/Finished/)).toBeVisible({ timeout: 45_000 });
  const results = progress.getByRole('table', { name: 'Results per miner' });
  for (const [i, host] of sim.hosts.entries()) {
    const row = results.getByRole('row', { name: new RegExp(`LP-${i + 1}\\b`) });
    await expect(row).toContainText(host.ip);
    await expect(row).toContainText('Done');
    await expect(row).toContainText(`Redirected to ${holdingUrl} as facility.LP-${i + 1}`);
  }
  await progress.getByText('Failed (0)').click();
  await expect(progress.getByText('No miner has this result.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  for (const [i, host] of sim.hosts.entries()) {
    expect(poolsOf(sim.miner(host.ip))[0]).toMatchObject({ url: holdingUrl, user: `facility.LP-${i + 1}`, password: 'Hold-Secret-9' });
  }
  await expect(page.getByText('Pool Redirected', { exact: true }).first()).toBeVisible();
  await expect(line.getByText('4 miners redirected to the holding pool')).toBeVisible();

  // The client pays: restore, and every miner has its exact pools back
  await line.getByRole('button', { name: 'Client paid: restore pools' }).click();
  const restore = page.getByRole('dialog', { name: /Restore original pools/ });
  await restore.getByRole('button', { name: 'Restore pools of 4 miners' }).click();
  await expect(restore.getByRole('region', { name: 'Action progress' }).getByText(/Finished/)).toBeVisible({ timeout: 45_000 });
  await expect(restore.getByLabel('Result counts')).toContainText('Done: 4');
  await restore.getByRole('button', { name: 'Close' }).click();
  sim.hosts.forEach((host, i) => expect(poolsOf(sim.miner(host.ip)).map(({ url, user }) => ({ url, user }))).toEqual(originals[i]));
  await expect(line.getByText('No miners redirected to the holding pool')).toBeVisible();
  await expect(page.getByText('Active', { exact: true }).first()).toBeVisible();
  expect((await api.call('clients.get', { id: client.id })).status).toBe('active');
  const audit = JSON.stringify(await api.call('audit.list', {}));
  expect(audit).toContain('miner.pool_redirected');
  expect(audit).not.toContain('Hold-Secret-9');
});

test('miners picked in the table are redirected from the Device actions menu; marking them paid offers to restore their pools', async ({ page, api }) => {
  test.slow();
  const manager = await api.call('staff.create', { name: 'Maria Lopez' });
  const client = await api.call('clients.create', { name: 'Table Pick Mining', contactEmail: 'ops@tablepick.example', managerId: manager.id });
  for (const [i, host] of sim.hosts.entries()) {
    await api.call('miners.create', { assetId: `TP-${i + 1}`, make: host.make, model: host.model, ip: host.ip, clientId: client.id, paid: false });
  }
  const originals = sim.hosts.map((host) => poolsOf(sim.miner(host.ip)).map(({ url, user }) => ({ url, user })));
  await api.call('telemetry.pollNow', {});
  await expect
    .poll(async () => (await api.call('devices.actions.preview', { target: { clientId: client.id }, kind: 'reboot' })).unknownFamily, { timeout: 30_000 })
    .toBe(0);
  await api.call('devices.holdingPool.set', { url: holdingUrl, worker: 'facility' });

  await page.goto('/miners');
  await page.getByRole('checkbox', { name: 'Select TP-1' }).click();
  await page.getByRole('checkbox', { name: 'Select TP-2', exact: true }).click();
  const bar = page.getByRole('toolbar', { name: 'Mass actions' });
  await bar.getByRole('button', { name: 'Device actions' }).click();
  await page.getByRole('menuitem', { name: 'Redirect to holding pool' }).click();
  const dialog = page.getByRole('dialog', { name: 'Redirect to holding pool: 2 selected miners' });
  await dialog.getByRole('button', { name: 'Redirect 2 miners' }).click();
  await expect(dialog.getByRole('region', { name: 'Action progress' }).getByText(/Finished/)).toBeVisible({ timeout: 45_000 });
  await expect(dialog.getByLabel('Result counts')).toContainText('Done: 2');
  await dialog.getByRole('button', { name: 'Close' }).click();
  expect(poolsOf(sim.miner(sim.hosts[0].ip))[0]).toMatchObject({ url: holdingUrl, user: 'facility.TP-1' });
  expect(poolsOf(sim.miner(sim.hosts[2].ip)).map(({ url, user }) => ({ url, user }))).toEqual(originals[2]);

  // Marked paid: the notice offers to restore the two redirected miners
  await bar.getByRole('button', { name: 'Mark paid' }).click();
  await page.getByRole('dialog', { name: 'Mark paid' }).getByRole('button', { name: 'Confirm' }).click();
  const offer = page.getByRole('alert').filter({ hasText: '2 of them are on the holding pool' });
  await offer.getByRole('button', { name: 'Restore their pools' }).click();
  const restore = page.getByRole('dialog', { name: 'Restore original pools: the miners just marked paid' });
  await restore.getByRole('button', { name: 'Restore pools of 2 miners' }).click();
  await expect(restore.getByLabel('Result counts')).toContainText('Done: 2', { timeout: 45_000 });
  await restore.getByRole('button', { name: 'Close' }).click();
  sim.hosts.forEach((host, i) => expect(poolsOf(sim.miner(host.ip)).map(({ url, user }) => ({ url, user }))).toEqual(originals[i]));

  // Both runs are listed in Settings › Miner access
  await page.goto('/settings?tab=access');
  const runs = page.getByRole('table', { name: 'Recent device actions' });
  await expect(runs.getByRole('row')).toHaveCount(3);
  await expect(runs.getByRole('row').nth(1)).toContainText('Restore original pools');
  await expect(runs.getByRole('row').nth(2)).toContainText('Redirect to holding pool');
});
