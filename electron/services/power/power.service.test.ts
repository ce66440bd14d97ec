import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, energyHourly, powerDevices } from '../../../db/schema';
import { actor } from '../../../tests/helpers/client-fixtures';
import { makeFleet } from '../../../tests/helpers/fleet-fixtures';
import { makePdu, pduInput, pduReading, scriptedReader, closeCheckingDaily } from '../../../tests/helpers/power-fixtures';
import { builtInPowerProfiles } from './profiles';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { contract } from '../../contract';
import { AppError } from '../../contract/errors';
import { createSecretBox } from '../secrets/secret-box';
import { powerOf } from '../telemetry/telemetry.rules';
import { createPowerDevice, deletePowerDevice, deviceTarget, requireDevice, updatePowerDevice } from './power.devices';
import { counterEvents, energySeries } from './power.energy';
import { assignOutlet, listOutlets, outletHistory, outletOfMiner, outletPowerLookup, rackPowerView } from './power.outlets';
import { createPowerPoller } from './power.poller';
import { createPowerProfile, deletePowerProfile, listPowerProfiles } from './power.profiles.service';
import type { PowerReadResult } from './reader';

let t: TempDb;
let fleet: ReturnType<typeof makeFleet>;
const deps = { builtIns: builtInPowerProfiles, secrets: createSecretBox(randomBytes(32)) };
const log = { error: () => undefined };

beforeEach(() => {
  t = openTempDb();
  fleet = makeFleet(t.db);
});
// Every test's writes leave energy_daily equal to the hours' sums (the triggers of migration 0028).
afterEach(() => closeCheckingDaily(t.db, () => t.close()));

const auditText = () =>
  t.db
    .select()
    .from(auditLog)
    .all()
    .map((row) => `${row.beforeJson} ${row.afterJson}`)
    .join('\n');

const expectAppError = (fn: () => unknown, code: string, fields?: Record<string, unknown>) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    if (fields) expect((error as AppError).fields).toMatchObject(fields);
    return error as AppError;
  }
  throw new Error('expected an AppError');
};

describe('power devices', () => {
  it('seals the community: never returned, never audited, opened only for the reader', () => {
    const device = makePdu(t.db, deps, fleet.midland.siteId, { rackId: fleet.midland.rackId });
    expect(device).toMatchObject({
      kind: 'pdu',
      hasSecret: true,
      port: 161,
      profileLabel: 'APC Rack PDU 2G (rPDU2)',
      rackId: fleet.midland.rackId,
      snmp: { version: '2c' },
    });
    expect(JSON.stringify(device)).not.toContain('north-wind-42');
    const row = requireDevice(t.db, device.id);
    expect(row.secretEnc).not.toContain('north-wind-42');
    expect(auditText()).not.toContain('north-wind-42');
    expect(auditText()).not.toContain(row.secretEnc!);
    const target = deviceTarget(t.db, deps, row);
    expect(target).toMatchObject({ kind: 'pdu', host: '127.0.0.1', secrets: { community: 'north-wind-42' } });
  });

  it('keeps stored secrets on an edit that leaves them out, and audits only that they changed', () => {
    const device = makePdu(t.db, deps, fleet.midland.siteId);
    const edit = (fields: Record<string, unknown>) =>
      updatePowerDevice(t.db, deps, contract['power.devices.update'].input.parse({ ...pduInput(fleet.midland.siteId), id: device.id, ...fields }), actor);
    edit({ name: 'PDU A1 renamed', secrets: {} });
    expect(deviceTarget(t.db, deps, requireDevice(t.db, device.id))).toMatchObject({ secrets: { community: 'north-wind-42' } });
    edit({ secrets: { community: 'south-wind-7' } });
    expect(deviceTarget(t.db, deps, requireDevice(t.db, device.id))).toMatchObject({ secrets: { community: 'south-wind-7' } });
    expect(auditText()).not.toContain('south-wind-7');
    const last = t.db.select().from(auditLog).where(eq(auditLog.action, 'power.device.updated')).all().at(-1)!;
    expect(JSON.parse(last.afterJson!)).toMatchObject({ secretsChanged: true, hasSecret: true });
  });

  it('explains what is missing or wrong, per field, and stores nothing', () => {
    const parse = (fields: Record<string, unknown>) => contract['power.devices.create'].input.parse(pduInput(fleet.midland.siteId, fields));
    expectAppError(() => createPowerDevice(t.db, deps, parse({ secrets: {} }), actor), 'INVALID_INPUT', { 'secrets.community': 'is required for SNMP v2c' });
    const v3 = expectAppError(
      () =>
        createPowerDevice(t.db, deps, parse({ snmp: { version: '3', securityLevel: 'authPriv', authProtocol: 'sha' }, secrets: { authKey: 'short' } }), actor),
      'INVALID_INPUT',
      { 'snmp.user': 'is required for SNMP v3', 'secrets.authKey': 'must be at least 8 characters (SNMP v3)', 'snmp.privProtocol': 'is required for authPriv' },
    );
    expect(v3.message).toMatch(/^User: is required for SNMP v3\./);
    expectAppError(() => createPowerDevice(t.db, deps, parse({ rackId: fleet.odessa.rackId }), actor), 'INVALID_INPUT', {
      rackId: 'rack "R1" is at another site',
    });
    expectAppError(() => createPowerDevice(t.db, deps, parse({ builtinProfile: 'eastron-sdm630' }), actor), 'INVALID_INPUT', {
      builtinProfile: '"Eastron SDM630" is a meter profile, not a pdu one',
    });
    expectAppError(() => createPowerDevice(t.db, deps, parse({ builtinProfile: 'nope' }), actor), 'INVALID_INPUT', {
      builtinProfile: 'there is no built-in profile "nope"',
    });
    expect(t.db.select().from(powerDevices).all()).toHaveLength(0);
    makePdu(t.db, deps, fleet.midland.siteId);
    const clash = expectAppError(() => makePdu(t.db, deps, fleet.midland.siteId, { name: 'Other' }), 'CONFLICT');
    expect(clash.message).toBe('"PDU A1" already answers at 127.0.0.1:161 at this site. Edit that device instead.');
  });
});

describe('power profiles', () => {
  it('lists built-in and custom profiles, and refuses to delete one in use, naming the devices', () => {
    const custom = createPowerProfile(
      t.db,
      contract['power.profiles.create'].input.parse({ kind: 'pdu', name: 'Raritan PX3', definition: builtInPowerProfiles.get('apc-rpdu2')!.definition }),
      builtInPowerProfiles,
      actor,
    );
    makePdu(t.db, deps, fleet.midland.siteId, { builtinProfile: null, customProfileId: custom.id, name: 'Raritan 1' });
    const list = listPowerProfiles(t.db, builtInPowerProfiles, 'pdu');
    expect(list.every((p) => p.kind === 'pdu')).toBe(true);
    expect(list.filter((p) => p.builtIn)).toHaveLength(5);
    expect(list.at(-1)).toMatchObject({ label: 'Raritan PX3', builtIn: false, deviceCount: 1, id: custom.id });
    const refused = expectAppError(() => deletePowerProfile(t.db, custom.id!, actor), 'CONFLICT');
    expect(refused.message).toBe('Profile "Raritan PX3" is used by "Raritan 1". Give those devices another profile first.');
    expect(listPowerProfiles(t.db, builtInPowerProfiles)).toHaveLength(builtInPowerProfiles.size + 1);
    expectAppError(
      () =>
        createPowerProfile(
          t.db,
          contract['power.profiles.create'].input.parse({ kind: 'pdu', name: 'eastron sdm630', definition: custom.definition }),
          builtInPowerProfiles,
          actor,
        ),
      'CONFLICT',
      { name: 'is already used by another profile' },
    );
  });
});

describe('polling and energy counters', () => {
  const H = 3600_000;
  const start = Date.parse('2026-05-01T10:00:00Z');

  function pollAt(script: PowerReadResult[]) {
    let nowMs = start;
    const reader = scriptedReader(script);
    const poller = createPowerPoller(t.db, { ...deps, schedule: false, reader, log, now: () => new Date(nowMs) });
    return { reader, poller, at: (ms: number) => (nowMs = start + ms) };
  }

  it('stores outlets, counts growth, resets, rollovers and gaps as events, and never negative energy', async () => {
    const pdu = makePdu(t.db, deps, fleet.midland.siteId);
    const max = 2 ** 32 * 100;
    const { poller, at } = pollAt([
      pduReading([{ powerW: 3000, wh: 10_000 }], { powerW: 3000, wh: 1_000_000 }),
      pduReading([{ powerW: 3000, wh: 10_050 }], { powerW: 3000, wh: max - 20 }), // total jumps: implausible, counted 0
      pduReading([{ powerW: 3000, wh: 100 }], { powerW: 3000, wh: 30 }), // outlet reset, total rollover (50 Wh)
      pduReading([{ powerW: 3000, wh: 9_100 }], { powerW: 3000, wh: 9_030 }), // after a 3-hour gap
    ]);
    await poller.pollNow(pdu.id);
    at(60_000);
    await poller.pollNow(pdu.id);
    at(120_000);
    await poller.pollNow(pdu.id);
    at(120_000 + 3 * H);
    await poller.pollNow(pdu.id);

    const events = counterEvents(t.db, { deviceId: pdu.id, limit: 100 });
    expect(events.map((e) => [e.outletIndex, e.kind, e.countedWh]).sort()).toEqual(
      [
        [null, 'reset', 0],
        [1, 'reset', 100],
        [null, 'rollover', 50],
        [1, 'gap', 9_000],
        [null, 'gap', 9_000],
      ].sort(),
    );
    const hourly = t.db.select().from(energyHourly).all();
    expect(hourly.every((h) => h.energyWh >= 0 && h.coveredS <= 3600)).toBe(true);
    // outlet: 50 + 100 in the first hour (covered 120 s), 9000 credited to the hour the gap ends in (not covered)
    const device = energySeries(t.db, { deviceId: pdu.id, from: '2026-05-01T00:00:00Z', to: '2026-05-02T00:00:00Z' });
    expect(device.points).toEqual([
      { hour: '2026-05-01T10:00:00.000Z', energyWh: 50, coveredS: 120 },
      { hour: '2026-05-01T13:00:00.000Z', energyWh: 9_000, coveredS: 0 },
    ]);
    const site = energySeries(t.db, { siteId: fleet.midland.siteId, from: '2026-05-01T00:00:00Z', to: '2026-05-02T00:00:00Z' });
    expect(site.totalWh).toBe(9_050);
    const outlets = listOutlets(t.db, { deviceId: pdu.id });
    expect(outlets).toMatchObject([{ outletIndex: 1, name: 'Outlet 1', state: 'on', powerW: 3000, miner: null }]);
    expect(requireDevice(t.db, pdu.id)).toMatchObject({ state: 'ok', powerW: 3000, stateMessage: null });
    // Its energy is billing history: the device is not deleted with it.
    const refused = expectAppError(() => deletePowerDevice(t.db, pdu.id, actor), 'CONFLICT');
    expect(refused.message).toMatch(/^"[^"]+" has 4 hours of energy on record, .* Disable it instead/);
    expect(t.db.select().from(energyHourly).all()).toEqual(hourly);
  });

  it('marks a device that does not answer, and a slow one does not hold up the rest', async () => {
    const dead = makePdu(t.db, deps, fleet.midland.siteId, { host: '127.0.0.2' });
    const live = makePdu(t.db, deps, fleet.midland.siteId, { host: '127.0.0.3', name: 'PDU A2' });
    const reader = async (target: { host: string }): Promise<PowerReadResult> =>
      target.host === '127.0.0.2' ? new Promise(() => undefined) : pduReading([{ powerW: 10, wh: 1 }], { powerW: 10, wh: 1 });
    const poller = createPowerPoller(t.db, { ...deps, schedule: false, reader, log, timeoutMs: 300, concurrency: 1 });
    const started = Date.now();
    await poller.pollNow();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(requireDevice(t.db, dead.id)).toMatchObject({ state: 'unreachable', stateMessage: '127.0.0.2:161 did not answer within 300 ms.', powerW: null });
    expect(requireDevice(t.db, live.id)).toMatchObject({ state: 'ok', powerW: 10 });
    poller.shutdown();
  });

  it('reads once for "Test connection" without storing anything', async () => {
    const pdu = makePdu(t.db, deps, fleet.midland.siteId);
    const { poller, reader } = pollAt([pduReading([{ powerW: 5, wh: 7 }], { powerW: 5, wh: 7 }), { ok: false, state: 'error', message: 'Wrong community.' }]);
    expect(await poller.test(pdu.id)).toMatchObject({ ok: true, powerW: 5, energyWh: 7, outlets: [{ index: 1, powerW: 5 }] });
    expect(await poller.test(pdu.id)).toEqual({ ok: false, state: 'error', message: 'Wrong community.' });
    expect(reader.targets[0]).toMatchObject({ secrets: { community: 'north-wind-42' } });
    expect(listOutlets(t.db, { deviceId: pdu.id })).toEqual([]);
    expect(requireDevice(t.db, pdu.id).state).toBe('unknown');
  });
});

describe('outlet mapping', () => {
  async function pduWithOutlets(count: number) {
    const pdu = makePdu(t.db, deps, fleet.midland.siteId, { rackId: fleet.midland.rackId });
    const reader = scriptedReader([
      pduReading(
        Array.from({ length: count }, () => ({ powerW: 3300, wh: 1 })),
        { powerW: 9900, wh: 3 },
      ),
    ]);
    await createPowerPoller(t.db, { ...deps, schedule: false, reader, log }).pollNow(pdu.id);
    return listOutlets(t.db, { deviceId: pdu.id });
  }

  it('moves a miner between outlets keeping its history, and unplugs the miner an outlet fed', async () => {
    const [o1, o2] = await pduWithOutlets(3);
    const [a1, a2] = fleet.miners;
    assignOutlet(t.db, { outletId: o1.id, minerId: a1.id }, actor);
    const moved = assignOutlet(t.db, { outletId: o2.id, minerId: a1.id }, actor);
    expect(moved.movedFrom).toMatchObject({ outletId: o1.id, outletIndex: 1 });
    expect(outletOfMiner(t.db, a1.id)).toMatchObject({ id: o2.id });
    const replaced = assignOutlet(t.db, { outletId: o2.id, minerId: a2.id }, actor);
    expect(replaced.unplugged).toMatchObject({ id: a1.id });
    expect(outletOfMiner(t.db, a1.id)).toBeNull();
    const history = outletHistory(t.db, { minerId: a1.id });
    expect(history.map((h) => [h.outletIndex, h.toAt !== null])).toEqual([
      [2, true],
      [1, true],
    ]);
    const audits = t.db.select().from(auditLog).where(eq(auditLog.entity, 'power_outlet')).all();
    expect(JSON.parse(audits[1].afterJson!)).toMatchObject({ miner: 'A-001', note: 'moved from outlet 1 of "PDU A1"' });
    const view = rackPowerView(t.db, fleet.midland.rackId);
    expect(view.positions[1]).toMatchObject({ position: 2, miner: { assetId: 'A-002' }, outlet: { outletIndex: 2, powerW: 3300 } });
    expect(view.positions[0]).toMatchObject({ position: 1, miner: { assetId: 'A-001' }, outlet: null });
    expect(view.unplacedOutlets.map((o) => o.outletIndex)).toEqual([1, 3]);
    assignOutlet(t.db, { outletId: o2.id, minerId: null }, actor);
    expect(outletOfMiner(t.db, a2.id)).toBeNull();
  });

  it('gives telemetry the fresh outlet power of a miner, recorded as from the PDU', async () => {
    const [o1] = await pduWithOutlets(1);
    const miner = fleet.miners[0];
    assignOutlet(t.db, { outletId: o1.id, minerId: miner.id }, actor);
    const noReport = { powerW: null, powerSource: null };
    const fresh = outletPowerLookup(t.db, 60);
    expect(powerOf(noReport, fresh(miner.id), 3500)).toEqual({ powerW: 3300, source: 'pdu' });
    expect(powerOf({ powerW: 3510, powerSource: 'miner' }, fresh(miner.id), 3500)).toEqual({ powerW: 3510, source: 'miner' });
    const later = outletPowerLookup(t.db, 60, 0, () => new Date(Date.now() + 181_000));
    expect(later(miner.id)).toBeNull();
    expect(powerOf(noReport, later(miner.id), 3500)).toEqual({ powerW: 3500, source: 'nameplate' });
  });
});
