import type { Page } from '@playwright/test';
import { expect as baseExpect, test, type Api } from './fixtures';

// Each step saves and re-reads a contract (activation in an immediate transaction); on the shared two-core
// machine one such round trip has taken over ten seconds, so the waits here are longer than the default.
const expect = baseExpect.configure({ timeout: 30_000 });

/** A site in Chicago, one model, a client with four miners of its own and three unassigned miners of the facility. */
async function facility(api: Api) {
  const manager = await api.call('staff.create', { name: 'Dana Ops', email: 'dana@hashdesk.example', phone: '' });
  const site = await api.call('sites.create', { name: 'Kearney NE', timeZone: 'America/Chicago' });
  const model = await api.call('models.create', { make: 'Canaan', model: 'Test Rig 200', nominalHashrateThs: '200', nominalPowerW: 3500 });
  const polar = await api.call('clients.create', { name: 'Polar Hash Co', contactEmail: 'ops@polarhash.example', managerId: manager.id });
  const tundra = await api.call('clients.create', { name: 'Tundra Mining', contactEmail: 'it@tundra.example', managerId: manager.id });
  await api.call('clients.pricing.set', { clientId: polar.id, validFrom: '2020-01-01', energyRatePerKwh: '0.0685', hostingFeePerMinerMonth: null });
  for (const n of [1, 2, 3, 4])
    await api.call('miners.create', { assetId: `H-00${n}`, modelId: model.id, siteId: site.id, clientId: polar.id, state: 'assigned' });
  for (const n of [1, 2, 3]) await api.call('miners.create', { assetId: `L-00${n}`, modelId: model.id, siteId: site.id, clientId: null, state: 'unassigned' });
  return { site, polar, tundra };
}

async function pick(page: Page, label: string, option: string | RegExp, typed?: string) {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.click();
  if (typed) await input.fill(typed);
  await page.getByRole('option', { name: option }).click();
}

const candidates = (page: Page) => page.getByRole('table', { name: 'Candidate miners' });
const equipment = (page: Page) => page.getByRole('table', { name: 'Contract equipment' });

test('Hosted and Lease contracts go through the wizard, get their numbers and miners, and a termination releases the Lease miners', async ({ page, api }) => {
  test.slow(); // two wizards, activation and termination on a shared machine
  const { polar } = await facility(api);

  // Hosted, from the client's Contracts tab: the client is filled in and the rate comes from its pricing
  await page.goto(`/clients/${polar.id}/contracts`);
  await expect(page.getByText('No contracts yet.')).toBeVisible();
  await page.getByRole('link', { name: 'New contract' }).click();
  await expect(page.getByRole('heading', { name: 'New contract' })).toBeVisible();
  await page.getByRole('radio', { name: 'Hosted' }).check();
  await pick(page, 'Site', 'Kearney NE (America/Chicago)');
  await expect(page.getByRole('textbox', { name: 'Rate per kWh' })).toHaveValue('0.0685');
  await expect(page.getByText('The client’s rate in force on the start date.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Currency' })).toHaveValue('USD (the client’s)');

  // A wrong figure is refused under its own field, and nothing is saved
  await page.getByRole('textbox', { name: 'Power cap' }).fill('12.34567');
  await page.getByRole('button', { name: 'Next: assign equipment' }).click();
  await expect(page.getByText('Must be more than 0 with at most 3 decimals')).toBeVisible();
  expect((await api.call('contracts.list', {})).total).toBe(0);
  await page.getByRole('textbox', { name: 'Power cap' }).fill('20');
  await page.getByRole('button', { name: 'Next: assign equipment' }).click();

  // Step 2: the client's own miners, three picked, the running total against the 20 kW cap
  await expect(page.getByRole('heading', { name: /^Set up DRAFT-/ })).toBeVisible();
  await expect(candidates(page).getByRole('row', { name: /H-004/ })).toBeVisible();
  await expect(candidates(page).getByRole('row', { name: /L-001/ })).toHaveCount(0);
  for (const assetId of ['H-001', 'H-002', 'H-003']) await page.getByRole('checkbox', { name: `Select ${assetId}` }).click();
  const totals = page.getByRole('status', { name: 'Running totals' });
  await expect(totals).toContainText('Selected to add: 3 miners · 600 TH/s · 10.5 kW');
  await expect(totals).toContainText('Together 10.5 kW of the 20 kW cap');
  await page.getByRole('button', { name: 'Activate' }).click();

  const year = new Date().getUTCFullYear();
  await expect(page.getByRole('heading', { name: new RegExp(`^HD-(${year}|${year + 1})-0001$`) })).toBeVisible();
  await expect(page.getByText('Active', { exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Miners (3)' }).click();
  for (const assetId of ['H-001', 'H-002', 'H-003']) await expect(equipment(page).getByRole('row', { name: new RegExp(assetId) })).toContainText('Now');

  // Lease, from the Contracts page: the facility's unassigned miners, a fixed monthly fee
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('link', { name: 'Contracts' }).click();
  await page.getByRole('link', { name: 'New contract' }).click();
  await page.getByRole('radio', { name: 'Lease' }).check();
  await pick(page, 'Client', /^Tundra Mining/, 'Tundra');
  await pick(page, 'Site', 'Kearney NE (America/Chicago)');
  await expect(page.getByRole('radio', { name: 'Fixed monthly fee' })).toBeChecked();
  await page.getByRole('textbox', { name: 'Fixed monthly fee' }).fill('1500.00');
  await page.getByRole('button', { name: 'Next: assign equipment' }).click();
  await expect(candidates(page).getByRole('row', { name: /L-003/ })).toBeVisible();
  await expect(candidates(page).getByRole('row', { name: /H-004/ })).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Select L-001' }).click();
  await page.getByRole('checkbox', { name: 'Select L-002' }).click();
  await page.getByRole('button', { name: 'Activate' }).click();
  await expect(page.getByRole('heading', { name: /^HD-\d{4}-0002$/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Miners (2)' }).click();
  await expect(equipment(page).getByRole('row', { name: /L-001/ })).toContainText('Now');
  const leased = await api.call('miners.list', { search: 'L-001' });
  expect(leased.rows[0].client?.name).toBe('Tundra Mining');

  // Three extensions of the Lease by the API before the list is read again
  const lease = (await api.call('contracts.list', { type: 'lease' })).rows[0];
  for (const endsAt of ['2031-01-01', '2031-02-01', '2031-03-01']) await api.call('contracts.extend', { id: lease.id, endsAt });
  // Changed behind the page's back: the page caches a contract for a few seconds, so read it afresh
  await page.reload();

  // Both show on the list with their numbers
  await nav.getByRole('link', { name: 'Contracts' }).click();
  const list = page.getByRole('table', { name: 'Contracts' });
  await expect(list.getByRole('row', { name: /-0001.*Polar Hash Co.*Hosted/ })).toContainText('3 miners');
  await expect(list.getByRole('row', { name: /-0002.*Tundra Mining.*Lease/ })).toContainText('2 miners');

  // A Lease takes three extensions; the fourth is refused in the server's words and changes nothing
  await list.getByRole('link', { name: /-0002$/ }).click();
  await page.getByRole('button', { name: 'Extend' }).click();
  const extend = page.getByRole('dialog', { name: /^Extend HD-/ });
  await expect(extend).toContainText('3 extensions used');
  await extend.getByRole('textbox', { name: 'New end date' }).fill('2031-06-30');
  await extend.getByRole('button', { name: 'Extend' }).click();
  // A refusal no input can show comes once, as a notification titled with what did not happen
  const refusal = page.getByRole('alert').filter({ hasText: 'The contract was not extended' });
  await expect(refusal).toContainText('was already extended 3 times, the most a lease allows');
  await expect(extend).toBeVisible();
  await extend.getByRole('button', { name: 'Cancel' }).click();
  expect(await api.call('contracts.get', { id: lease.id })).toMatchObject({ extensionCount: 3, endsAt: '2031-03-01T06:00:00.000Z' }); // 00:00 in Chicago

  // Terminate the Lease early: its miners leave at that instant and go back to stock
  await page.getByRole('button', { name: 'Terminate early' }).click();
  const dialog = page.getByRole('dialog', { name: /Terminate HD-\d{4}-0002 early/ });
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('Client moved the fleet to another facility');
  await dialog.getByRole('button', { name: 'Terminate contract' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Terminated', { exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Miners (2)' }).click(); // what it held until its end
  for (const assetId of ['L-001', 'L-002']) await expect(equipment(page).getByRole('row', { name: new RegExp(assetId) })).not.toContainText('Now');
  await expect(equipment(page).getByRole('button', { name: /Take .* off/ })).toHaveCount(0);
  for (const search of ['L-001', 'L-002']) {
    const [miner] = (await api.call('miners.list', { search })).rows;
    expect(miner.client).toBeNull();
    expect(miner.state).toBe('unassigned');
  }
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.getByRole('list', { name: 'Timeline' }).or(page.locator('[aria-label="Timeline"]'))).toContainText('Client moved the fleet');
});
