import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertRules, alerts, auditLog, minerLatest, miners, minerSamples, powerDevices } from '../../../db/schema';
import { makeFleet, type Fleet } from '../../../tests/helpers/fleet-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import type { AlertKind } from '../../contract/alerts.vocab';
import { evaluateAlerts } from './alerts.apply';

let t: TempDb;
let fleet: Fleet;
beforeEach(() => {
  t = openTempDb();
  fleet = makeFleet(t.db);
});
afterEach(() => t.close());

const T0 = Date.parse('2026-11-20T12:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const iso = (minutes: number) => at(minutes).toISOString();

const setMiner = (index: number, values: Partial<typeof miners.$inferInsert>) =>
  t.db.update(miners).set(values).where(eq(miners.id, fleet.miners[index].id)).run();
const setLatest = (index: number, values: { hashrateGhs: number | null; tempMaxC: number | null; nominalHashrateGhs?: number | null }) =>
  t.db
    .insert(minerLatest)
    .values({ minerId: fleet.miners[index].id, at: iso(0), ...values })
    .onConflictDoUpdate({ target: minerLatest.minerId, set: values })
    .run();
const setRule = (kind: AlertKind, values: { enabled?: boolean; threshold?: number }) =>
  t.db.update(alertRules).set(values).where(eq(alertRules.kind, kind)).run();
const allAlerts = () => t.db.select().from(alerts).orderBy(asc(alerts.id)).all();
const unresolved = () => allAlerts().filter((a) => a.resolvedAt === null);

/** Only the miners a test sets up may fire: every fleet miner starts online, without readings. */
beforeEach(() => {
  t.db
    .update(miners)
    .set({ liveStatus: 'online', lastSeenAt: iso(0) })
    .run();
});

describe('miner offline', () => {
  it('opens after the threshold, keeps one row while it lasts, resolves when the miner answers and reopens as a new alert', () => {
    setMiner(1, { liveStatus: 'offline', lastSeenAt: iso(0) }); // A-002, Midland, Acme
    expect(evaluateAlerts(t.db, at(10))).toMatchObject({ opened: 0, active: 0 }); // exactly 10 minutes: not over
    expect(evaluateAlerts(t.db, new Date(T0 + 10 * 60_000 + 1))).toMatchObject({ opened: 1, active: 1 });
    const [first] = allAlerts();
    expect(first).toMatchObject({
      kind: 'miner_offline',
      minerId: fleet.miners[1].id,
      siteId: fleet.midland.siteId,
      clientId: fleet.acme.id,
      value: 10,
      threshold: 10,
      message: 'Offline for 10 minutes (rule: over 10 minutes)',
      resolvedAt: null,
    });

    expect(evaluateAlerts(t.db, at(14))).toMatchObject({ opened: 0, updated: 1, resolved: 0, active: 1 });
    expect(allAlerts()).toHaveLength(1);
    expect(allAlerts()[0]).toMatchObject({
      value: 14,
      message: 'Offline for 14 minutes (rule: over 10 minutes)',
      lastSeenAt: iso(14),
      openedAt: first.openedAt,
    });
    expect(evaluateAlerts(t.db, at(14))).toMatchObject({ opened: 0, updated: 0, resolved: 0 }); // nothing new to say

    setMiner(1, { liveStatus: 'online', lastSeenAt: iso(15) });
    expect(evaluateAlerts(t.db, at(15))).toMatchObject({ resolved: 1, active: 0 });
    expect(allAlerts()[0]).toMatchObject({ resolvedAt: iso(15), lastSeenAt: iso(14) });

    setMiner(1, { liveStatus: 'offline', lastSeenAt: iso(16) });
    expect(evaluateAlerts(t.db, at(40))).toMatchObject({ opened: 1, active: 1 });
    const rows = allAlerts();
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ id: expect.any(Number), resolvedAt: null, value: 24, openedAt: iso(40) });
    expect(rows[1].id).not.toBe(rows[0].id);
  });

  it('counts a miner never seen from its first poll, else from when it was added', () => {
    setMiner(1, { liveStatus: 'offline', lastSeenAt: null, createdAt: iso(-600) });
    t.db
      .insert(minerSamples)
      .values([5, 10].map((m) => ({ minerId: fleet.miners[1].id, at: iso(m), polls: 1, answered: 0, onlineS: 0, energyWh: 0 })))
      .run();
    expect(evaluateAlerts(t.db, at(15))).toMatchObject({ opened: 0 }); // 10 minutes after the first poll
    expect(evaluateAlerts(t.db, at(16))).toMatchObject({ opened: 1 });
    expect(unresolved()[0].value).toBe(11);

    t.db.delete(minerSamples).run();
    evaluateAlerts(t.db, at(16));
    expect(unresolved()[0]).toMatchObject({ value: 616, message: 'Offline for 10 hours 16 minutes (rule: over 10 minutes)' });
  });

  it('leaves alone miners without an address, retired or away for repair, and never-polled ones', () => {
    setMiner(0, { liveStatus: 'offline', lastSeenAt: iso(-60), state: 'retired' });
    setMiner(1, { liveStatus: 'offline', lastSeenAt: iso(-60), state: 'rma' });
    setMiner(2, { liveStatus: 'unknown', lastSeenAt: null });
    setMiner(3, { liveStatus: 'offline', lastSeenAt: iso(-60) }); // A-004 has no IP
    expect(evaluateAlerts(t.db, at(60))).toMatchObject({ opened: 0, active: 0 });
    setMiner(0, { state: 'assigned' });
    expect(evaluateAlerts(t.db, at(60))).toMatchObject({ opened: 1 });
    setMiner(0, { state: 'retired' }); // retiring a miner clears its alert
    expect(evaluateAlerts(t.db, at(61))).toMatchObject({ resolved: 1, active: 0 });
  });
});

describe('hashrate low', () => {
  it("fires below the rule's share of the model's nominal, not at it, only for answering miners", () => {
    setLatest(0, { hashrateGhs: 160_000, tempMaxC: 60 }); // S21, 200 TH/s nominal: exactly 80 %
    setLatest(2, { hashrateGhs: 83_199, tempMaxC: 60 }); // S19j Pro, 104 TH/s: 79.99 %
    setLatest(3, { hashrateGhs: 1, tempMaxC: 60 }); // not in the catalogue (and no address): not judged
    expect(evaluateAlerts(t.db, at(0))).toMatchObject({ opened: 1 });
    expect(unresolved()).toEqual([
      expect.objectContaining({
        kind: 'hashrate_low',
        minerId: fleet.miners[2].id,
        clientId: fleet.boreal.id,
        value: 79,
        message: 'Hashrate 83.199 TH/s is 79 % of the nominal 104 TH/s (rule: below 80 %)',
      }),
    ]);
    setMiner(2, { liveStatus: 'offline' }); // an offline miner's last reading says nothing about its hashrate
    expect(evaluateAlerts(t.db, at(1))).toMatchObject({ resolved: 1, active: 0 });

    setMiner(2, { liveStatus: 'warning' });
    setRule('hashrate_low', { threshold: 81 });
    expect(evaluateAlerts(t.db, at(2))).toMatchObject({ opened: 2 }); // 80 % is now low too
  });
  it("uses the firmware's own nominal for a miner whose model is not in the catalogue", () => {
    setMiner(1, { modelId: null });
    setLatest(1, { hashrateGhs: 70_000, tempMaxC: 60, nominalHashrateGhs: 100_000 });
    expect(evaluateAlerts(t.db, at(0))).toMatchObject({ opened: 1 });
    expect(unresolved()).toEqual([expect.objectContaining({ kind: 'hashrate_low', minerId: fleet.miners[1].id, value: 70 })]);
    setLatest(1, { hashrateGhs: 70_000, tempMaxC: 60, nominalHashrateGhs: null }); // neither figure: not judged
    expect(evaluateAlerts(t.db, at(1))).toMatchObject({ resolved: 1, active: 0 });
  });
});

describe('temperature high', () => {
  it('fires at the threshold and clears below it', () => {
    setLatest(0, { hashrateGhs: 200_000, tempMaxC: 84 });
    setLatest(2, { hashrateGhs: 104_000, tempMaxC: 85 });
    expect(evaluateAlerts(t.db, at(0))).toMatchObject({ opened: 1 });
    expect(unresolved()[0]).toMatchObject({ kind: 'temp_high', minerId: fleet.miners[2].id, value: 85, message: 'Temperature 85 °C (rule: 85 °C or more)' });
    setLatest(2, { hashrateGhs: 104_000, tempMaxC: 91 });
    expect(evaluateAlerts(t.db, at(1))).toMatchObject({ updated: 1 });
    expect(unresolved()[0].value).toBe(91);
    setLatest(2, { hashrateGhs: 104_000, tempMaxC: 84 });
    expect(evaluateAlerts(t.db, at(2))).toMatchObject({ resolved: 1, active: 0 });
  });
});

describe('power device unreachable', () => {
  const addDevice = (values: Partial<typeof powerDevices.$inferInsert>) =>
    t.db
      .insert(powerDevices)
      .values({
        siteId: fleet.odessa.siteId,
        kind: 'pdu',
        name: 'PDU A1',
        host: '127.61.0.5',
        port: 161,
        builtinProfile: 'apc-rpdu2',
        createdAt: iso(-100),
        updatedAt: iso(-100),
        ...values,
      })
      .returning()
      .get();

  it('fires when an enabled device has not answered for longer than the threshold', () => {
    const pdu = addDevice({ state: 'unreachable', stateMessage: 'No SNMP answer within 3 s', lastPolledAt: iso(6), lastOkAt: iso(0) });
    addDevice({ name: 'Never polled', host: '127.61.0.6', state: 'unknown' });
    addDevice({ name: 'Switched off here', host: '127.61.0.7', state: 'unreachable', lastPolledAt: iso(6), lastOkAt: iso(-60), enabled: false });
    const meter = addDevice({ kind: 'meter', name: 'Feed meter', host: '127.61.0.8', port: 502, state: 'error', lastPolledAt: iso(6) }); // never answered: from when it was added
    expect(evaluateAlerts(t.db, at(5))).toMatchObject({ opened: 1 });
    expect(unresolved()[0]).toMatchObject({
      kind: 'power_device_unreachable',
      powerDeviceId: meter.id,
      siteId: fleet.odessa.siteId,
      clientId: null,
      value: 105,
    });
    expect(evaluateAlerts(t.db, new Date(T0 + 5 * 60_000 + 1))).toMatchObject({ opened: 1 });
    expect(unresolved()[1]).toMatchObject({
      powerDeviceId: pdu.id,
      value: 5,
      message: 'No answer for 5 minutes (rule: over 5 minutes): No SNMP answer within 3 s',
    });
    t.db
      .update(powerDevices)
      .set({ state: 'ok', lastOkAt: iso(7), stateMessage: null })
      .where(eq(powerDevices.id, pdu.id))
      .run();
    expect(evaluateAlerts(t.db, at(7))).toMatchObject({ resolved: 1, active: 1 });
  });
});

describe('rules', () => {
  it('a disabled rule opens nothing and resolves what it had opened; no evaluation writes to the audit log', () => {
    setMiner(1, { liveStatus: 'offline', lastSeenAt: iso(0) });
    setLatest(2, { hashrateGhs: 10_000, tempMaxC: 99 });
    expect(evaluateAlerts(t.db, at(30))).toMatchObject({ opened: 3, active: 3 });
    setRule('miner_offline', { enabled: false });
    setRule('temp_high', { enabled: false });
    expect(evaluateAlerts(t.db, at(31))).toMatchObject({ opened: 0, resolved: 2, active: 1 });
    expect(unresolved().map((a) => a.kind)).toEqual(['hashrate_low']);
    expect(t.db.select().from(auditLog).where(eq(auditLog.entity, 'alert')).all()).toEqual([]);
  });

  it('keeps the threshold an alert opened with when the rule changes later', () => {
    setLatest(2, { hashrateGhs: 104_000, tempMaxC: 90 });
    evaluateAlerts(t.db, at(0));
    setRule('temp_high', { threshold: 88 });
    evaluateAlerts(t.db, at(1));
    expect(unresolved()[0]).toMatchObject({ threshold: 85, message: 'Temperature 90 °C (rule: 88 °C or more)' });
  });
});
