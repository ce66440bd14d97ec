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
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill('PDU C7-R1');
  await form.getByRole('combobox', { name: 'Profile' }).click();
  await page.getByRole('option', { name: 'APC Rack PDU 2G (rPDU2) (built-in)' }).click();
  await form.getByRole('combobox', { name: 'Site' }).click();
  await page.getByRole('option', { name: 'Kearney NE' }).click();
  await form.getByRole('combobox', { name: 'Rack' }).click();
  await page.getByRole('option', { name: 'C7 / R1' }).click();
  await form.getByLabel('Address').fill(pduIp);
  await form.getByLabel('Port').fill(String(pduSnmpPort));
  await form.getByLabel('Community').fill('wrong');
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByText('No answer')).toBeVisible();
  await form.getByLabel('Community').fill('public');
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByText('The device answered')).toBeVisible();
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

test('the profile editor explains each wrong field, then saves a custom PDU and meter profile', async ({ page, api }) => {
  await page.goto('/power?tab=profiles');
  await page.getByRole('button', { name: 'New profile' }).click();
  const editor = page.getByRole('dialog', { name: 'New power profile' });
  await editor.getByRole('textbox', { name: 'Name', exact: true }).fill('Site PDU v2');
  await editor.getByLabel('Outlet count OID').fill('1.3.6.abc');
  await editor.getByLabel('Power OID').first().fill('1.3.6.1.4.1.99.1.7.{outlet}');
  await editor.getByLabel('Scale', { exact: true }).first().fill('-1');
  await editor.getByRole('button', { name: 'Save profile' }).click();
  await expect(editor.getByText(/^Must be a numeric OID like/)).toBeVisible();
  await expect(editor.getByText('Must be a positive number of at most six decimals, like 0.1 or 1000')).toBeVisible();
  await editor.getByLabel('Outlet count OID').fill('1.3.6.1.4.1.99.1.2.0');
  await editor.getByLabel('Scale', { exact: true }).first().fill('0.1');
  await editor.getByRole('button', { name: 'Save profile' }).click();
  await expect(editor).toBeHidden();
  await expect(page.getByRole('row', { name: /Site PDU v2\s+PDU\s+Custom/ })).toBeVisible();

  await page.getByRole('button', { name: 'Copy Eastron SDM630' }).click();
  const copy = page.getByRole('dialog', { name: 'New power profile' });
  await expect(copy.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Eastron SDM630 copy');
  await copy.getByLabel('Address', { exact: true }).first().fill('70000');
  await copy.getByRole('button', { name: 'Save profile' }).click();
  await expect(copy.getByText('Must be at most 65535')).toBeVisible();
  await copy.getByLabel('Address', { exact: true }).first().fill('52');
  await copy.getByRole('button', { name: 'Save profile' }).click();
  await expect(copy).toBeHidden();

  const custom = (await api.call('power.profiles.list', {})).filter((p) => !p.builtIn);
  expect(custom.map((p) => [p.label, p.kind])).toEqual([
    ['Eastron SDM630 copy', 'meter'],
    ['Site PDU v2', 'pdu'],
  ]);
  expect(custom[1].definition).toMatchObject({
    outletCountOid: '1.3.6.1.4.1.99.1.2.0',
    outlet: { powerW: { oid: '1.3.6.1.4.1.99.1.7.{outlet}', scale: '0.1' } },
  });
  expect((await api.call('audit.list', { entity: 'power_profile' })).rows).toHaveLength(2);
});
