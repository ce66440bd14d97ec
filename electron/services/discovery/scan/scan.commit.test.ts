import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actor } from '../../../../tests/helpers/client-fixtures';
import { makeFleet, type Fleet } from '../../../../tests/helpers/fleet-fixtures';
import { recordFinishedScan, type StoredFinding } from '../../../../tests/helpers/scan-fixtures';
import { openTempDb, type TempDb } from '../../../../tests/helpers/temp-db';
import { contract } from '../../../contract';
import { getMinerHistory } from '../../miners/miners.records';
import { commitScan } from './scan.commit';
import { allResults, requireScan } from './scan.reads';

let t: TempDb;
let fleet: Fleet;
beforeEach(() => {
  t = openTempDb();
  fleet = makeFleet(t.db);
});
afterEach(() => t.close());

const reads = () => ({ requireScan: (id: number) => requireScan(t.db, id), allResults: (id: number) => allResults(t.db, id) });
const commit = (findings: StoredFinding[], ranges = ['127.64.0.0/24']) => {
  const scanId = recordFinishedScan(t.db, ranges, fleet.midland.siteId, findings);
  return commitScan(t.db, reads(), contract['discovery.commit'].input.parse({ scanId, markMissingOffline: false }), actor);
};
const count = (sql: string, ...params: unknown[]) =>
  t.db.$client
    .prepare(sql)
    .pluck()
    .get(...params) as number;

describe('discovery.commit in batches', () => {
  it('creates, updates and leaves alone in one go, with the audit rows, history and links row by row would write', async () => {
    const known = fleet.miners[2]; // A-003, MAC AA:BB:CC:00:00:03
    const result = await commit([
      { ip: '127.64.0.1', serial: 'NEW-1', mac: 'aa:bb:cc:00:01:01', family: 'bitaxe' },
      { ip: '127.64.0.2', mac: known.mac, firmware: '2025.1', family: 'antminer' },
      { ip: '127.64.0.3', serial: 'NEW-2', model: 'Antminer S21', make: null },
    ]);
    expect(result).toEqual({ created: 2, updated: 1, unchanged: 0, sentToReview: 0, markedOffline: 0 });
    const created = t.db.$client.prepare("SELECT * FROM miners WHERE serial LIKE 'NEW-%' ORDER BY id").all() as Record<string, unknown>[];
    expect(created.map((m) => [m.asset_id, m.mac, m.make, m.model, m.site_id, m.family, m.state])).toEqual([
      ['A-005', 'AA:BB:CC:00:01:01', 'Bitmain', 'Antminer S19', fleet.midland.siteId, 'bitaxe', 'unassigned'],
      // No make reported: the catalogue's entry for the model gives it, as miners.create does.
      ['A-006', null, 'Bitmain', 'Antminer S21', fleet.midland.siteId, 'cgminer', 'unassigned'],
    ]);
    const createdAudit = JSON.parse(
      t.db.$client.prepare("SELECT after_json FROM audit_log WHERE action = 'miner.created' AND entity_id = ?").pluck().get(String(created[0].id)) as string,
    );
    expect(createdAudit).toMatchObject({ assetId: 'A-005', serial: 'NEW-1', paid: true, lastSeenAt: null, family: null, tags: [] });
    expect(createdAudit).not.toHaveProperty('updatedAt');
    const updatedAudit = t.db.$client
      .prepare("SELECT before_json, after_json FROM audit_log WHERE action = 'miner.updated' AND entity_id = ?")
      .get(String(known.id));
    expect(updatedAudit).toEqual({
      before_json: JSON.stringify({ ip: '127.60.1.5', firmware: null }),
      after_json: expect.stringContaining('"ip":"127.64.0.2","firmware":"2025.1"'),
    });
    expect(
      getMinerHistory(t.db, known.id)
        .identity.filter((h) => h.kind === 'ip')
        .map((h) => [h.value, h.source, h.toAt === null]),
    ).toEqual([
      ['127.64.0.2', 'discovery', true],
      ['127.60.1.5', 'manual', false],
    ]);
    expect(count('SELECT count(*) FROM discovery_results WHERE miner_id IS NOT NULL')).toBe(3);
    expect(count("SELECT count(*) FROM miner_identity_history WHERE source = 'discovery' AND to_at IS NULL")).toBe(6); // serial, MAC and IP of the first, serial and IP of the second, the IP of A-003
  });

  it('refuses, naming the first miner, two answers that would make two miners with one serial, and writes nothing', async () => {
    const before = count('SELECT count(*) FROM miners');
    await expect(
      commit([
        { ip: '127.64.0.1', serial: 'TWIN' },
        { ip: '127.64.0.2', serial: 'twin' },
      ]),
    ).rejects.toThrow('Serial twin is already recorded on miner A-005.');
    expect(count('SELECT count(*) FROM miners')).toBe(before);
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'discovery.committed'")).toBe(0);
  });

  it('gives a machine that answered at two addresses both changes in order: one open address, the last', async () => {
    const known = fleet.miners[2];
    const result = await commit([
      { ip: '127.64.0.7', mac: known.mac },
      { ip: '127.64.0.8', mac: known.mac },
    ]);
    expect(result).toMatchObject({ updated: 2, created: 0 });
    const ips = getMinerHistory(t.db, known.id).identity.filter((h) => h.kind === 'ip');
    expect(ips.map((h) => [h.value, h.toAt === null])).toEqual([
      ['127.64.0.8', true],
      ['127.64.0.7', false],
      ['127.60.1.5', false],
    ]);
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'miner.updated' AND entity_id = ?", String(known.id))).toBe(2);
  });

  it('plans again when the inventory changes while it plans, so it writes what is true at the write', async () => {
    const known = fleet.miners[2];
    const running = commit([{ ip: '127.64.0.9', mac: known.mac }]);
    // Runs between the commit's steps, as another call would: the MAC now belongs to nobody.
    t.db.$client.prepare('UPDATE miners SET mac = NULL WHERE id = ?').run(known.id);
    expect(await running).toMatchObject({ created: 1, updated: 0 });
  });
});
