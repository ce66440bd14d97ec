import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallName } from '../../electron/contract';
import { refusePublicRanges } from '../../electron/services/discovery/scan-scope';
import { openDispatchDb, type DispatchDb } from '../helpers/dispatch-db';
import { makeFleet } from '../helpers/fleet-fixtures';
import { pduInput } from '../helpers/power-fixtures';

let t: DispatchDb['t'];
let run: DispatchDb['run'];
let fleet: ReturnType<typeof makeFleet>;

const tables = [
  'clients',
  'client_documents',
  'client_pricing',
  'miners',
  'miner_client_assignments',
  'power_devices',
  'discovery_scans',
  'sites',
  'settings',
  'audit_log',
];
/** Every table these procedures write, row counts and content hash, so "nothing saved" covers updates too. */
const snapshot = () =>
  Object.fromEntries(tables.map((table) => [table, t.db.$client.prepare(`SELECT count(*) AS n, group_concat(quote(rowid)) AS ids FROM ${table}`).get()]));
const minerState = () => t.db.$client.prepare('SELECT id, state, client_id FROM miners ORDER BY id').all();

/** Calls a procedure expecting INVALID_INPUT; returns its message after checking nothing was written. */
async function refused(name: CallName, input: unknown): Promise<string> {
  const before = snapshot();
  const states = minerState();
  const outcome = await run(name, input);
  expect(outcome.ok, `${name} ${JSON.stringify(input)} should be refused`).toBe(false);
  if (outcome.ok) return '';
  expect(outcome.error.code).toBe('INVALID_INPUT');
  expect(snapshot()).toEqual(before);
  expect(minerState()).toEqual(states);
  return outcome.error.message;
}

beforeEach(() => {
  ({ t, run } = openDispatchDb());
  fleet = makeFleet(t.db);
});
afterEach(() => t.close());

describe('names a person types are refused when they hide or break text', () => {
  const client = (name: string) => ({ name, contactEmail: 'new@example.com', managerId: fleet.managerId });

  it('refuses client names with NUL, CR/LF, a terminal escape, only zero-width characters or a right-to-left override', async () => {
    expect(await refused('clients.create', client('Evil\u0000Corp'))).toBe('Name: must not contain control characters (such as NUL or terminal escapes).');
    expect(await refused('clients.create', client('Evil\r\nCorp'))).toBe('Name: must be on one line, without line breaks or tabs.');
    expect(await refused('clients.create', client('\u001b[2J\u001b[HCorp'))).toMatch(/control characters/);
    expect(await refused('clients.create', client('\u200B\u200C\u200D'))).toBe('Name: must contain visible characters, not only invisible ones.');
    expect(await refused('clients.create', client('Corp\u202Egnp.exe'))).toMatch(/^Name: must not contain text-direction controls/);
    expect(await refused('clients.update', { id: fleet.acme.id, ...client('Acme\u0000') })).toMatch(/control characters/);
    expect(await refused('clients.contacts.create', { clientId: fleet.acme.id, name: 'Ana\u202E', role: 'owner' })).toMatch(/text-direction/);
  });

  it('refuses document names .., CON and a\\r\\nb.pdf', async () => {
    const upload = (fileName: string) => ({ clientId: fleet.acme.id, fileName, base64: 'JVBERi0xLjQK' });
    expect(await refused('clients.documents.upload', upload('..'))).toBe('File name: must be a file name, not "." or "..".');
    expect(await refused('clients.documents.upload', upload('CON'))).toMatch(/^File name: must not be "CON": Windows keeps that name for a device/);
    expect(await refused('clients.documents.upload', upload('con.pdf'))).toMatch(/must not be "CON"/);
    expect(await refused('clients.documents.upload', upload('a\r\nb.pdf'))).toBe('File name: must be on one line, without line breaks or tabs.');
    expect(await refused('clients.documents.upload', upload('../contract.pdf'))).toMatch(/without \/ or \\/);
  });

  it('refuses the same in sites, models and staff names', async () => {
    expect(await refused('sites.create', { name: 'Midland\nTX' })).toMatch(/one line/);
    expect(await refused('models.create', { make: '\u200B', model: 'S21', nominalHashrateThs: '200', nominalPowerW: 3500 })).toMatch(
      /^Make: must contain visible/,
    );
    expect(await refused('staff.create', { name: 'Ana\u0007' })).toMatch(/control characters/);
  });
});

describe('addresses', () => {
  it('refuses miner IPs 0.0.0.0 and 255.255.255.255 and multicast ones', async () => {
    expect(await refused('miners.create', { ip: '0.0.0.0' })).toBe('IP: "0.0.0.0" is in 0.0.0.0/8, which means "this network", not a device.');
    expect(await refused('miners.create', { ip: '255.255.255.255' })).toBe('IP: "255.255.255.255" is the broadcast address, not one device.');
    expect(await refused('miners.update', { id: fleet.miners[0].id, ip: '224.0.0.1' })).toMatch(/multicast/);
  });

  it('refuses PDU and meter hosts 1.2.3 and host-', async () => {
    expect(await refused('power.devices.create', pduInput(fleet.midland.siteId, { host: '1.2.3' }))).toMatch(
      /^Address: must be an IPv4 address .*"1\.2\.3" is not a complete IPv4 address/,
    );
    expect(await refused('power.devices.create', pduInput(fleet.midland.siteId, { host: 'host-' }))).toMatch(/do not start or end with a hyphen/);
    expect(await refused('power.devices.create', pduInput(fleet.midland.siteId, { host: '255.255.255.255' }))).toMatch(/broadcast/);
  });
});

describe('dates', () => {
  it('refuses a price valid from 0000-01-01, after 2100, or on a day the calendar does not have', async () => {
    const price = (validFrom: string) => ({ clientId: fleet.acme.id, validFrom, energyRatePerKwh: '0.0685' });
    expect(await refused('clients.pricing.set', price('0000-01-01'))).toBe('Valid from: must be a date from 2000-01-01 to 2100-12-31.');
    expect(await refused('clients.pricing.set', price('2101-01-01'))).toMatch(/from 2000-01-01 to 2100-12-31/);
    expect(await refused('clients.pricing.set', price('2025-02-29'))).toMatch(/real calendar date/);
    expect(await refused('clients.pricing.set', price('2025-13-01'))).toMatch(/real calendar date/);
    expect((await run('clients.pricing.set', price('2028-02-29'))).ok).toBe(true);
  });
});

describe('mass edit', () => {
  it('refuses marking miners assigned while taking their client off', async () => {
    const ids = fleet.miners.map((m) => m.id);
    expect(await refused('miners.massEdit', { minerIds: ids, changes: { clientId: null, state: 'assigned' } })).toMatch(
      /^State: cannot be Assigned while the client is taken off/,
    );
  });

  it('refuses marking miners assigned when some have no client, naming how many, and changes none of them', async () => {
    const spare = fleet.miners.filter((m) => m.clientId === null);
    expect(spare.length).toBeGreaterThan(0);
    const ids = fleet.miners.map((m) => m.id);
    const message = await refused('miners.massEdit', { minerIds: ids, changes: { state: 'assigned' } });
    expect(message).toBe(
      `${spare.length} of the ${ids.length} miners have no client, so they cannot be marked Assigned. Choose a client in the same edit, or leave those miners out. Nothing was changed.`,
    );
    const withClient = fleet.miners.filter((m) => m.clientId !== null).map((m) => m.id);
    expect((await run('miners.massEdit', { minerIds: withClient, changes: { state: 'assigned' } })).ok).toBe(true);
    expect((await run('miners.massEdit', { minerIds: ids, changes: { state: 'assigned', clientId: fleet.boreal.id } })).ok).toBe(true);
  });
});

describe('scan ranges', () => {
  it('refuses multicast, broadcast and 0.0.0.0/8 ranges, to scan and to save', async () => {
    expect(await refused('discovery.scan', { ranges: ['224.0.0.0/24'] })).toBe(
      'Ranges #1: "224.0.0.0/24" reaches multicast addresses; a scan covers device addresses only.',
    );
    expect(await refused('discovery.scan', { ranges: ['127.60.1.0/24', '255.255.255.255'] })).toMatch(/^Ranges #2: .*broadcast/);
    expect(await refused('discovery.ranges.save', { siteId: fleet.midland.siteId, ranges: ['0.0.0.0/24'] })).toMatch(/"this network"/);
  });

  it('refuses public ranges unless Settings allow them; the switch is audited', async () => {
    expect(await refused('discovery.scan', { ranges: ['8.8.8.0/24'] })).toMatch(
      /^"8\.8\.8\.0\/24" reaches public addresses\. .* Nothing was scanned or saved\.$/,
    );
    expect(await refused('discovery.ranges.save', { siteId: fleet.midland.siteId, ranges: ['127.60.0.0/24', '9.255.255.0-10.0.0.5'] })).toMatch(
      /"9\.255\.255\.0-10\.0\.0\.5" reaches public addresses/,
    );
    expect(await run('settings.scanning.update', { allowPublicScanRanges: true })).toMatchObject({ ok: true, value: { allowPublicScanRanges: true } });
    const audit = t.db.$client.prepare("SELECT before_json AS b, after_json AS a FROM audit_log WHERE action = 'settings.updated' ORDER BY id DESC").get() as {
      b: string;
      a: string;
    };
    expect([JSON.parse(audit.b).allowPublicScanRanges, JSON.parse(audit.a).allowPublicScanRanges]).toEqual([false, true]);
    // Allowed now: saving sends nothing anywhere, and the scan check passes without a scan being started here.
    expect((await run('discovery.ranges.save', { siteId: fleet.midland.siteId, ranges: ['8.8.8.0/24'] })).ok).toBe(true);
    expect(() => refusePublicRanges(t.db, [{ first: 0x08080800, last: 0x080808ff }])).not.toThrow();
  });
});
