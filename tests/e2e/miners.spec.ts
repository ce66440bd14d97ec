import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { openDb } from '../../db/open-db';
import { exampleAddresses } from '../../electron/contract/ip-ranges';
import { type Api, expect, startServer, test } from './fixtures';

const minersTable = (page: Page) => page.getByRole('table', { name: 'Miners' });
const minerRow = (page: Page, assetId: string) => minersTable(page).getByRole('row', { name: new RegExp(`\\b${assetId}\\b`) });

/** Click one row's checkbox, shift-click another: the range between them is selected. */
async function selectRange(page: Page, first: string, last: string) {
  await page.getByRole('checkbox', { name: `Select ${first}` }).click();
  await page.getByRole('checkbox', { name: `Select ${last}`, exact: true }).click({ modifiers: ['Shift'] });
}

/** The demo puts its clients' miners under contracts, which keep them from changing client: release these from every contract in force. */
async function releaseFromContracts(api: Api, minerIds: number[]) {
  const wanted = new Set(minerIds);
  const inForce = await api.call('contracts.list', { status: ['active', 'expiring'], limit: 500 });
  for (const { id } of inForce.rows) {
    const held = (await api.call('contracts.get', { id })).equipment.filter((row) => row.toAt === null && row.miner && wanted.has(row.miner.id));
    if (held.length > 0) await api.call('contracts.releaseEquipment', { contractId: id, minerIds: held.map((row) => row.miner!.id) });
  }
}

test.describe('on the demo facility', () => {
  test.use({ serverArgs: ['--demo'] });

  test('miners picked with click and shift-click go to a client by e-mail, are marked unpaid, and a later change is undone', async ({ page, api }) => {
    test.slow(); // a long story on a shared machine: demo facility, three edits, two pages
    const [manager] = await api.call('staff.list', {});
    const client = await api.call('clients.create', { name: 'Polar Hash Co', contactEmail: 'ops@polarhash.example', managerId: manager.id });
    // The demo draws a few unpaid miners at random: the first twenty start paid here, so each icon below is this test's doing
    const first = await api.call('miners.list', { search: 'NW-000', sort: 'assetId', limit: 20 });
    await api.call('miners.massEdit', { minerIds: first.rows.map((row) => row.id), changes: { paid: true } });
    await releaseFromContracts(
      api,
      first.rows.map((row) => row.id),
    );
    const before = await api.call('miners.list', { search: 'NW-000', sort: 'assetId', limit: 20 });
    const originalOf = (assetId: string) => before.rows.find((row) => row.assetId === assetId)!;

    await page.goto('/miners');
    await selectRange(page, 'NW-00003', 'NW-00006');
    const bar = page.getByRole('toolbar', { name: 'Mass actions' });
    await expect(bar.getByText('4 selected')).toBeVisible();

    // Edit client by e-mail, as MoonOne does
    await bar.getByRole('button', { name: 'Edit client' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit client' });
    await dialog.getByLabel('Client e-mail').fill('ops@polarhash.example');
    await expect(dialog.getByText(`Polar Hash Co (#${client.id}) has this e-mail.`)).toBeVisible();
    await expect(dialog.getByText('Change 4 miners: client → Polar Hash Co')).toBeVisible();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(page.getByText('4 miners changed')).toBeVisible();
    await expect(minerRow(page, 'NW-00005')).toContainText('Polar Hash Co');

    // Mark unpaid: the client icons turn red
    await bar.getByRole('button', { name: 'Mark unpaid' }).click();
    const unpaid = page.getByRole('dialog', { name: 'Mark unpaid' });
    await expect(unpaid.getByText('Change 4 miners: paid → unpaid')).toBeVisible();
    await unpaid.getByRole('button', { name: 'Confirm' }).click();
    for (const assetId of ['NW-00003', 'NW-00004', 'NW-00005', 'NW-00006']) {
      await expect(minerRow(page, assetId).getByRole('img', { name: 'unpaid' })).toBeVisible();
    }
    await expect(minerRow(page, 'NW-00007').getByRole('img', { name: 'unpaid' })).toHaveCount(0);

    // Each miner's change log shows the edit (the row opens the detail drawer)
    await minerRow(page, 'NW-00004').getByText('NW-00004').click();
    const drawer = page.getByRole('dialog', { name: /NW-00004/ });
    await drawer.getByRole('tab', { name: 'Activity' }).click();
    await expect(drawer.getByRole('table', { name: 'Change log' }).getByText('Payment: Paid → Unpaid')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();

    // The clients list's miners bar counts them
    await page.goto('/clients?q=polarhash');
    const clientRow = page.getByRole('row', { name: /Polar Hash Co/ });
    await expect(clientRow.getByRole('button', { name: /^4 miners.*4 unpaid/ })).toBeVisible();

    // Again with three more, then Undo from the notification puts their client and payment back
    await page.goto('/miners');
    await selectRange(page, 'NW-00010', 'NW-00012');
    await bar.getByRole('button', { name: 'Edit client' }).click();
    await dialog.getByLabel('Client e-mail').fill('ops@polarhash.example');
    await dialog.getByText('Unpaid', { exact: true }).click();
    await expect(dialog.getByText('Change 3 miners: client → Polar Hash Co; paid → unpaid')).toBeVisible();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(minerRow(page, 'NW-00011')).toContainText('Polar Hash Co');
    await expect(minerRow(page, 'NW-00011').getByRole('img', { name: 'unpaid' })).toBeVisible();
    // Earlier notices may still be up: undo the one of this change
    const notice = page.getByRole('alert').filter({ hasText: '3 miners changed' });
    await notice.getByRole('button', { name: /^Undo \(\d+ s\)$/ }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Change undone' })).toContainText('3 miners restored');
    for (const assetId of ['NW-00010', 'NW-00011', 'NW-00012']) {
      const original = originalOf(assetId);
      await expect(minerRow(page, assetId)).toContainText(original.client?.name ?? 'No client');
      await expect(minerRow(page, assetId).getByRole('img', { name: original.paid ? 'paid' : 'unpaid' })).toBeVisible();
    }
    await page.goto('/clients?q=polarhash');
    await expect(clientRow.getByRole('button', { name: /^4 miners/ })).toBeVisible();
  });

  test('the clients list links to the miners of one client, and filters stay in the URL', async ({ page, api }) => {
    const withMiners = (await api.call('clients.list', { hasMiners: true, limit: 1 })).rows[0];
    const { unpaid } = withMiners.minersBar;
    await page.goto(`/miners?client=${withMiners.id}&paid=unpaid`);
    await expect(page.getByText(`${unpaid} miner${unpaid === 1 ? '' : 's'} match this view`)).toBeVisible();
    await page.getByText(/^Online \(/).click();
    await expect(page).toHaveURL(new RegExp(`/miners\\?status=online&client=${withMiners.id}&paid=unpaid$`));
    await page.getByRole('button', { name: 'Clear all' }).click();
    await expect(page).toHaveURL(/\/miners$/);
  });
});

test('a miner is added, opened and edited; its identity history keeps the old hostname', async ({ page }) => {
  await page.goto('/miners');
  await page.getByRole('button', { name: 'Add miner' }).click();
  const form = page.getByRole('dialog', { name: 'Add miner' });
  await form.getByLabel('IP').fill('127.60.7.300');
  await form.getByRole('button', { name: 'Add miner' }).click();
  await expect(form.getByText(`Must be an IPv4 address like ${exampleAddresses.address}`)).toBeVisible();
  await form.getByLabel('Asset ID').fill('T-0001');
  await form.getByLabel('IP').fill('127.60.9.9');
  await form.getByLabel('Hostname').fill('rack9-top');
  await form.getByLabel('Catalogue model').click();
  await page.getByRole('option', { name: 'Bitmain Antminer S21', exact: true }).click();
  await form.getByRole('button', { name: 'Add miner' }).click();

  const drawer = page.getByRole('dialog', { name: /T-0001/ });
  await expect(drawer.getByText('Bitmain Antminer S21').first()).toBeVisible();
  await expect(minerRow(page, 'T-0001')).toContainText('127.60.9.9');
  await drawer.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit T-0001' });
  await expect(edit.getByLabel('Asset ID')).toBeDisabled();
  await edit.getByLabel('Hostname').fill('rack9-bottom');
  await edit.getByRole('button', { name: 'Save miner' }).click();
  await expect(edit).toBeHidden();
  await expect(drawer.getByText('rack9-bottom')).toBeVisible();
  await drawer.getByRole('tab', { name: 'Identity history' }).click();
  const history = drawer.getByRole('table', { name: 'Identity history' });
  await expect(history.getByRole('row', { name: /rack9-top/ })).toBeVisible();
  await expect(history.getByRole('row', { name: /rack9-bottom.*Current/ })).toBeVisible();
  await drawer.getByRole('tab', { name: 'Telemetry' }).click();
  await expect(drawer.getByText('Telemetry arrives with discovery and polling.')).toBeVisible();
});

/** 20,000 miners written straight into the database before the server starts: the point is scrolling, not seeding. */
const bigFleet = test.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  server: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hashdesk-e2e-fleet-'));
    const db = openDb(join(dataDir, 'hashdesk.db'));
    const sqlite = db.$client;
    const now = new Date().toISOString();
    const insert = sqlite.prepare(
      `INSERT INTO miners (asset_id, ip, make, model, state, live_status, paid, created_at, updated_at)
       VALUES (?, ?, 'Bitmain', 'Antminer S21', 'unassigned', ?, 1, ?, ?)`,
    );
    sqlite.transaction(() => {
      for (let i = 1; i <= 20_000; i += 1) {
        const ip = `127.61.${i >> 8}.${i & 255}`; // loopback only, like every address in tests
        insert.run(`F-${String(i).padStart(5, '0')}`, ip, i % 10 === 0 ? 'offline' : 'online', now, now);
      }
    })();
    sqlite.close();
    const server = await startServer(dataDir);
    await use(server);
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

bigFleet(
  '20,000 miners scroll to the last one, "select all matching" edits every one of them, and a shift-click range spans unseen pages',
  async ({ page, api }) => {
    await page.goto('/miners');
    await expect(page.getByText('20,000 miners')).toBeVisible();
    await expect(page.getByText('Offline (2,000)')).toBeVisible();
    await expect(minerRow(page, 'F-00001')).toBeVisible();
    await minersTable(page).evaluate((table) => {
      const scroller = table.parentElement!;
      scroller.scrollTop = scroller.scrollHeight;
    });
    await expect(minerRow(page, 'F-20000')).toBeVisible();
    await expect(minerRow(page, 'F-00001')).toHaveCount(0); // only the rows on screen are in the page

    await page.getByRole('checkbox', { name: 'Select the loaded rows' }).check();
    await page.getByRole('button', { name: 'Select all 20,000 matching' }).click();
    const bar = page.getByRole('toolbar', { name: 'Mass actions' });
    await expect(bar.getByText('20,000 selected')).toBeVisible();
    await bar.getByRole('button', { name: 'Mark unpaid' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mark unpaid' });
    await expect(dialog.getByText('Change 20,000 miners: paid → unpaid')).toBeVisible();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(page.getByText('20,000 miners changed')).toBeVisible();
    expect((await api.call('miners.list', { paid: false, limit: 1 })).total).toBe(20_000);
    await expect(minerRow(page, 'F-20000').getByRole('img', { name: 'unpaid' })).toBeVisible();
    await bar.getByRole('button', { name: 'Clear selection' }).click();

    // A shift-click range may span pages never scrolled through: they are fetched for it
    await page.getByRole('checkbox', { name: 'Select F-20000' }).click();
    await minersTable(page).evaluate((table) => (table.parentElement!.scrollTop = 0));
    await page.getByRole('checkbox', { name: 'Select F-00002' }).click({ modifiers: ['Shift'] });
    await expect(bar.getByText('19,999 selected')).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Select F-00001' })).not.toBeChecked();
  },
);
