import { and, asc, count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, minerClientAssignments, minerIdentityHistory, miners } from '../../../db/schema';
import { actor } from '../../../tests/helpers/client-fixtures';
import { makeFleet, type Fleet } from '../../../tests/helpers/fleet-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { contract, type Input } from '../../contract';
import { createIdentityMatcher } from './miners.identity';
import { applyMinerChanges, createMinerRecord, getMinerHistory, updateMinerRecord } from './miners.records';

let t: TempDb;
let fleet: Fleet;
beforeEach(() => {
  t = openTempDb();
  fleet = makeFleet(t.db);
});
afterEach(() => t.close());

const create = (raw: Input<'miners.create'>) => createMinerRecord(t.db, contract['miners.create'].input.parse(raw), actor);
const update = (raw: Input<'miners.update'>) => updateMinerRecord(t.db, contract['miners.update'].input.parse(raw), actor);
const minerId = (assetId: string) => fleet.miners.find((m) => m.assetId === assetId)?.id ?? 0;
const auditRows = (id: number) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'miner'), eq(auditLog.entityId, String(id))))
    .orderBy(asc(auditLog.id))
    .all();
const currentIdentity = (id: number) =>
  t.db
    .select({ kind: minerIdentityHistory.kind, value: minerIdentityHistory.value, toAt: minerIdentityHistory.toAt, source: minerIdentityHistory.source })
    .from(minerIdentityHistory)
    .where(eq(minerIdentityHistory.minerId, id))
    .orderBy(asc(minerIdentityHistory.id))
    .all();
/** Everything a failed call must leave as it was. */
const snapshot = () => ({
  miners: t.db.select().from(miners).orderBy(asc(miners.id)).all(),
  audit: t.db.select({ n: count() }).from(auditLog).get()?.n,
  history: t.db.select({ n: count() }).from(minerIdentityHistory).get()?.n,
  assignments: t.db.select().from(minerClientAssignments).all(),
});

describe('createMinerRecord', () => {
  it("gives the next free asset ID of the facility's series (A-005 after A-004), copies make and model from the catalogue, and records identity, client and tags", () => {
    const first = create({
      serial: ' sn-new ',
      mac: 'aa-bb-cc-dd-ee-01',
      ip: '127.060.002.001',
      hostname: 'odessa-7',
      modelId: fleet.s19 ?? 0,
      clientId: fleet.acme.id,
      tags: ['hot-aisle', 'Spare', 'HOT-AISLE'],
      ...fleet.odessa,
      rackPosition: 2,
    });
    expect(first).toMatchObject({
      assetId: 'A-005',
      serial: 'sn-new',
      mac: 'AA:BB:CC:DD:EE:01',
      ip: '127.60.2.1',
      make: 'Bitmain',
      model: 'Antminer S19j Pro',
      siteId: fleet.odessa.siteId,
      rackPosition: 2,
      client: { id: fleet.acme.id },
      state: 'assigned',
      paid: true,
      tags: ['hot-aisle', 'Spare'],
      assignments: [{ client: { id: fleet.acme.id }, toAt: null }],
    });
    expect(currentIdentity(first.id)).toEqual([
      { kind: 'ip', value: '127.60.2.1', toAt: null, source: 'manual' },
      { kind: 'mac', value: 'AA:BB:CC:DD:EE:01', toAt: null, source: 'manual' },
      { kind: 'serial', value: 'sn-new', toAt: null, source: 'manual' },
      { kind: 'hostname', value: 'odessa-7', toAt: null, source: 'manual' },
    ]);
    expect(auditRows(first.id)).toMatchObject([{ action: 'miner.created', actor, clientId: fleet.acme.id }]);
    expect(create({ make: 'Canaan', model: 'Avalon A1466', assetId: 'm-000041' }).state).toBe('unassigned');
    expect(create({ make: 'Canaan', model: 'Avalon A1466' }).assetId).toBe('A-006'); // the one M- ID does not make a series
  });

  it('takes the site from the rack', () => {
    expect(create({ make: 'Bitmain', model: 'S21', rackId: fleet.midland.rackId, rackPosition: 30 })).toMatchObject({
      siteId: fleet.midland.siteId,
      rackPosition: 30,
    });
  });

  it.each<[string, Input<'miners.create'>, object]>([
    ['a taken asset ID, in any case', { assetId: 'a-001', make: 'X', model: 'Y' }, { code: 'CONFLICT', fields: { assetId: 'is taken' } }],
    [
      'a serial another miner has',
      { serial: 'sn1', make: 'X', model: 'Y' },
      { code: 'CONFLICT', message: 'Serial sn1 is already recorded on miner A-001. Check the value, or open A-001 instead.' },
    ],
    ['a MAC another miner has', { mac: 'aabbcc000003', make: 'X', model: 'Y' }, { code: 'CONFLICT', fields: { mac: 'is already on A-003' } }],
    [
      'a taken rack position',
      { make: 'X', model: 'Y', rackId: 0, rackPosition: 1 },
      { code: 'CONFLICT', message: 'Position 1 of Rack "R1" is taken by miner A-001. Choose a free position, or move A-001 first.' },
    ],
    ['a rack of another site', { make: 'X', model: 'Y', siteId: -1, rackId: 0 }, { code: 'INVALID_INPUT', fields: { rackId: 'is not in the chosen site' } }],
    ['a position without a rack', { make: 'X', model: 'Y', rackPosition: 3 }, { code: 'INVALID_INPUT', fields: { rackPosition: 'needs a rack' } }],
    ['no make and no catalogue model', { model: 'Y' }, { code: 'INVALID_INPUT', message: expect.stringMatching(/^Make: is required/) }],
    ['an unknown client', { make: 'X', model: 'Y', clientId: 999 }, { code: 'NOT_FOUND' }],
  ])('refuses %s and changes nothing', (_what, raw, error) => {
    const input = { ...raw, ...(raw.rackId === 0 ? { rackId: fleet.midland.rackId } : {}), ...(raw.siteId === -1 ? { siteId: fleet.odessa.siteId } : {}) };
    const before = snapshot();
    expect(() => create(input)).toThrow(expect.objectContaining(error));
    expect(snapshot()).toEqual(before);
  });

  it('refuses a position beyond the rack', () => {
    expect(() => create({ make: 'X', model: 'Y', rackId: fleet.midland.rackId, rackPosition: 60 })).not.toThrow();
    expect(contract['miners.create'].input.safeParse({ make: 'X', model: 'Y', rackPosition: 61 }).error?.issues[0].message).toBe('must be at most 60');
  });
});

describe('updateMinerRecord', () => {
  it('keeps the asset ID through an IP change (DHCP) and records the history', () => {
    const { id } = create({ make: 'Bitmain', model: 'S21', ip: '127.60.2.12', hostname: 'odessa-12', siteId: fleet.odessa.siteId });
    expect(update({ id, ip: '127.60.2.99' })).toMatchObject({ id, assetId: 'A-005', ip: '127.60.2.99' });
    expect(getMinerHistory(t.db, id).identity).toMatchObject([
      { kind: 'ip', value: '127.60.2.99', toAt: null, source: 'manual' },
      { kind: 'hostname', value: 'odessa-12', toAt: null },
      { kind: 'ip', value: '127.60.2.12', toAt: expect.any(String) },
    ]);
  });

  it('keeps the asset ID through a control-board swap matched by serial, and through a rename', () => {
    const { id } = create({
      assetId: 'B-7',
      make: 'Bitmain',
      model: 'S21',
      serial: 'SN-B7',
      mac: '02:00:00:00:00:07',
      hostname: 'b-7',
      siteId: fleet.odessa.siteId,
    });
    const seen = { serial: 'sn-b7', mac: '02:00:00:00:00:99', hostname: 'B-7-renamed', siteId: fleet.odessa.siteId };
    expect(createIdentityMatcher(t.db).match(seen)).toEqual({ kind: 'match', minerId: id, by: 'serial' });
    t.db.transaction((tx) => applyMinerChanges(tx, id, { mac: seen.mac, hostname: seen.hostname }, 'scanner', 'discovery'));
    expect(t.db.select({ assetId: miners.assetId, mac: miners.mac, hostname: miners.hostname }).from(miners).where(eq(miners.id, id)).get()).toEqual({
      assetId: 'B-7',
      mac: '02:00:00:00:00:99',
      hostname: 'B-7-renamed',
    });
    const identity = getMinerHistory(t.db, id).identity.map(({ kind, value, toAt, source }) => ({ kind, value, current: toAt === null, source }));
    expect(identity).toEqual([
      { kind: 'hostname', value: 'B-7-renamed', current: true, source: 'discovery' },
      { kind: 'mac', value: '02:00:00:00:00:99', current: true, source: 'discovery' },
      { kind: 'hostname', value: 'b-7', current: false, source: 'manual' },
      { kind: 'serial', value: 'SN-B7', current: true, source: 'manual' },
      { kind: 'mac', value: '02:00:00:00:00:07', current: false, source: 'manual' },
    ]);
    expect(auditRows(id)[1]).toMatchObject({ actor: 'scanner', action: 'miner.updated' });
  });

  it('writes one audit row with only the changed fields, and none when nothing changes', () => {
    const id = minerId('A-003');
    update({ id, notes: 'Fan 2 noisy', paid: true, mac: 'aa:bb:cc:00:00:03', tags: ['rma-watch'] });
    update({ id, notes: 'Fan 2 noisy', mac: 'AA-BB-CC-00-00-03' });
    expect(update({ id, paid: true, tags: ['RMA-watch'] })).toMatchObject({ notes: 'Fan 2 noisy', tags: ['RMA-watch'] });
    const rows = auditRows(id);
    expect(rows.map((row) => row.action)).toEqual(['miner.created', 'miner.updated', 'miner.updated']);
    expect(JSON.parse(rows[2].afterJson ?? '')).toEqual({ tags: ['RMA-watch'] });
    expect(JSON.parse(rows[1].beforeJson ?? '')).toEqual({ notes: '', tags: [] });
    expect(JSON.parse(rows[1].afterJson ?? '')).toEqual({ notes: 'Fan 2 noisy', tags: ['rma-watch'] });
  });

  it('moves the client with assignment rows closed and opened, and unassigns', () => {
    const id = minerId('A-001');
    expect(update({ id, clientId: fleet.boreal.id })).toMatchObject({ client: { id: fleet.boreal.id }, state: 'assigned' });
    expect(update({ id, clientId: null })).toMatchObject({ client: null, state: 'unassigned' });
    const assignments = getMinerHistory(t.db, id).assignments;
    expect(assignments.map((a) => [a.client.id, a.toAt === null])).toEqual([
      [fleet.boreal.id, false],
      [fleet.acme.id, false],
    ]);
    expect(JSON.parse(auditRows(id)[2].afterJson ?? '')).toEqual({ clientId: null, state: 'unassigned' });
    expect(auditRows(id)[2].clientId).toBe(fleet.boreal.id);
  });

  it('takes a miner out of its rack when it moves to another site', () => {
    const id = minerId('A-001');
    expect(update({ id, siteId: fleet.odessa.siteId })).toMatchObject({ siteId: fleet.odessa.siteId, rackId: null, rackPosition: null });
    expect(update({ id, rackId: fleet.midland.rackId, rackPosition: 5 })).toMatchObject({ siteId: fleet.midland.siteId, rackPosition: 5 });
  });

  it.each<[string, Omit<Input<'miners.update'>, 'id'>, object]>([
    ['a taken rack position', { rackPosition: 2 }, { code: 'CONFLICT', fields: { rackPosition: 'is taken by A-002' } }],
    ['a MAC another miner has', { mac: 'AA:BB:CC:00:00:03' }, { code: 'CONFLICT', message: expect.stringContaining('A-003') }],
    ['an empty model', { model: '' }, { code: 'INVALID_INPUT', fields: { model: 'is required' } }],
  ])('refuses %s and changes nothing', (_what, raw, error) => {
    const before = snapshot();
    expect(() => update({ id: minerId('A-001'), notes: 'changed', ...raw })).toThrow(expect.objectContaining(error));
    expect(snapshot()).toEqual(before);
  });

  it('answers NOT_FOUND in plain words for an unknown miner', () => {
    expect(() => update({ id: 4242, notes: 'x' })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringMatching(/^Miner #4242 was not found/) }),
    );
  });
});
