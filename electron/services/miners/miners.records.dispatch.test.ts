import { count } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, miners } from '../../../db/schema';
import { exampleAddresses } from '../../contract/ip-ranges';
import { openDispatchDb, type DispatchDb } from '../../../tests/helpers/dispatch-db';
import { makeFleet, type Fleet } from '../../../tests/helpers/fleet-fixtures';

let t: DispatchDb['t'];
let run: DispatchDb['run'];
let fleet: Fleet;
beforeEach(() => {
  ({ t, run } = openDispatchDb());
  fleet = makeFleet(t.db);
});
afterEach(() => t.close());

const rowCounts = () => ({
  miners: t.db.select({ n: count() }).from(miners).get()?.n,
  audit: t.db.select({ n: count() }).from(auditLog).get()?.n,
});

describe('miner records through dispatch', () => {
  it('creates, updates and tells the history of a miner', async () => {
    const created = await run('miners.create', { make: 'Bitmain', model: 'Antminer S21', ip: '127.60.3.1', mac: '', serial: null });
    expect(created).toMatchObject({ ok: true, value: { assetId: 'A-005', ip: '127.60.3.1', mac: null, serial: null } });
    const id = created.ok ? (created.value as { id: number }).id : 0;
    expect(await run('miners.update', { id, ip: '127.60.3.2' })).toMatchObject({ ok: true, value: { assetId: 'A-005', ip: '127.60.3.2' } });
    expect(await run('miners.history', { id })).toMatchObject({
      ok: true,
      value: {
        identity: [
          { kind: 'ip', value: '127.60.3.2', toAt: null },
          { kind: 'ip', value: '127.60.3.1' },
        ],
        assignments: [],
      },
    });
    expect(await run('miners.identity.reviews.list', { status: 'open' })).toEqual({ ok: true, value: { rows: [], total: 0 } });
  });

  it.each([
    ['miners.create', { make: 'Bitmain', model: 'S21', mac: 'AA:BB:CC' }, 'MAC: must be a MAC address like AA:BB:CC:DD:EE:FF.'],
    ['miners.create', { make: 'Bitmain', model: 'S21', ip: '127.60.0.300' }, `IP: must be an IPv4 address like ${exampleAddresses.address}.`],
    ['miners.create', { make: 'Bitmain', model: 'S21', rackPosition: 0 }, 'Rack position: must be at least 1.'],
    ['miners.create', { make: 'Bitmain', model: 'S21', state: 'lost' }, 'State: must be one of staged, unassigned, assigned, rma, retired.'],
    [
      'miners.create',
      { make: 'Bitmain', model: 'S21', assetId: 'A 1' },
      'Asset ID: may use only letters, digits and - _ . / (starting with a letter or digit).',
    ],
    ['miners.update', { id: 1, assetId: 'NEW-1' }, 'Asset ID: cannot be changed: a miner keeps its asset ID for life.'],
    ['miners.update', { id: 'one' }, 'ID: must be a record number.'],
    ['miners.identity.reviews.resolve', { id: 1 }, 'Miner: choose one: the miner this machine is, create a new miner, or dismiss.'],
  ] as const)('%s names the field of bad input in plain words: %j', async (name, input, message) => {
    const before = rowCounts();
    expect(await run(name, input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message } });
    expect(rowCounts()).toEqual(before);
  });

  it('explains a taken rack position and an unknown miner', async () => {
    expect(await run('miners.create', { make: 'Bitmain', model: 'S21', rackId: fleet.midland.rackId, rackPosition: 2 })).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'Position 2 of Rack "R1" is taken by miner A-002. Choose a free position, or move A-002 first.',
        fields: { rackPosition: 'is taken by A-002' },
      },
    });
    expect(await run('miners.update', { id: 4242, notes: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Miner #4242 was not found. It may have been removed; refresh the miners list.' },
    });
  });
});
