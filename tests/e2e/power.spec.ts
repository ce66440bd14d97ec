import { pduSnmpPort, startPdu, type SimulatedPdu } from '../../tools/sim/power/pdu-agent';
import { expect, test } from './fixtures';

// A simulated APC Rack PDU on 127.69.2.1 (loopback only) with two loaded outlets and one idle.
const pduIp = '127.69.2.1';
let pdu: SimulatedPdu;
test.beforeAll(async () => {
  pdu = await startPdu({
    ip: pduIp,
    name: 'pdu-e2e',
    serial: 'ZA0692',
    outlets: [
      { name: 'rig-a', powerW: 3250 },
      { name: 'rig-b', powerW: 3105 },
      { name: 'Outlet 3', powerW: 0 },
    ],
  });
});
test.afterAll(() => pdu?.stop());

test('a PDU is added and tested, its outlet mapped to a miner, and the rack shows which outlet feeds it', async ({ page, api }) => {
  const site = await api.call('sites.create', { name: 'Kearney NE' });
  const room = await api.call('sites.rooms.create', { siteId: site.id, name: 'C7', kind: 'container' });
  const rack = await api.call('sites.racks.create', { roomId: room.id, name: 'R1', positions: 4 });
  await api.call('miners.create', { assetId: 'K-0001', make: 'Bitmain', model: 'Antminer S21', siteId: site.id, rackId: rack.id, rackPosition: 2 });

  await page.goto('/power');
  await page.getByRole('button', { name: 'Add device' }).click();
  const form = page.getByRole('dialog', { name: 'Add power device' });
  await form.getByRole('button', { name: 'Save device' }).click();
  await expect(form.getByText('Is required').first()).toBeVisible();
  await expect(form.getByText('Choose one profile: a built-in one or a custom one.')).toBeVisible();
  await form.getByLabel('Name').fill('PDU C7-R1');
  await form.getByRole('combobox', { name: 'Profile' }).click();
  await page.getByRole('option', { name: 'APC Rack PDU 2G (rPDU2) (built-in)' }).click();
  await form.getByRole('combobox', { name: 'Site' }).click();
  await page.getByRole('option', { name: 'Kearney NE' }).click();
  await form.getByRole('combobox', { name: 'Rack' }).click();
  await page.getByRole('option', { name: 'C7 / R1' }).click();
  await form.getByLabel('Address').fill(pduIp);
  await form.getByLabel('Port').fill(String(pduSnmpPort));
  await form.getByLabel('Community').fill('public');
  await form.getByRole('button', { name: 'Save device' }).click();
  await expect(form).toBeHidden();

  const drawer = page.getByRole('dialog', { name: 'PDU C7-R1' });
  await drawer.getByRole('button', { name: 'Test connection' }).click();
  await expect(drawer.getByText('The device answered')).toBeVisible();
  await expect(drawer.getByText(/Power 6,360 W, energy counter [\d,]+ Wh, 3 outlets/)).toBeVisible();
  await drawer.getByRole('button', { name: 'Poll now' }).click();
  const outlets = drawer.getByRole('table', { name: 'Outlets' });
  await expect(outlets.getByRole('row', { name: /rig-a/ })).toContainText('3,250 W');

  const picker = outlets.getByRole('combobox', { name: 'Miner on outlet 1' });
  await picker.click();
  await picker.fill('K-0001');
  await page.getByRole('option', { name: /K-0001/ }).click();
  await expect(page.getByText('K-0001 is on outlet 1.')).toBeVisible();

  const [device] = await api.call('power.devices.list', {});
  expect(device).toMatchObject({ name: 'PDU C7-R1', state: 'ok', hasSecret: true, powerW: 6360 });
  expect(JSON.stringify(device)).not.toContain('public');
  const audit = await api.call('audit.list', { entity: 'power_outlet' });
  expect(audit.rows[0]).toMatchObject({ action: 'power.outlet.assigned', after: { miner: 'K-0001' } });

  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'Racks' }).click();
  await page.getByRole('combobox', { name: 'Site' }).click();
  await page.getByRole('option', { name: 'Kearney NE' }).click();
  await page.getByRole('combobox', { name: 'Rack' }).click();
  await page.getByRole('option', { name: 'C7 / R1' }).click();
  const positions = page.getByRole('table', { name: 'Rack positions' });
  await expect(positions.getByRole('row', { name: /#2/ })).toContainText('PDU C7-R1 · outlet 1 (rig-a)');
  await expect(positions.getByRole('row', { name: /#2/ })).toContainText('3,250 W');
});
