import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFleet, type Fleet } from '../../../tests/helpers/fleet-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { contract, type Input } from '../../contract';
import { minerSortKeys } from '../../contract/miners.list';
import { getMinerDetail, listMiners } from './miners.list';

let t: TempDb;
let fleet: Fleet;
beforeEach(() => {
  t = openTempDb();
  fleet = makeFleet(t.db);
});
afterEach(() => t.close());

const list = (raw: Partial<Input<'miners.list'>> = {}) => listMiners(t.db, contract['miners.list'].input.parse(raw));
const assets = (raw: Partial<Input<'miners.list'>> = {}) => list(raw).rows.map((r) => r.assetId);

/** Latest readings: A-001 at 120 TH/s, A-003 at 160 TH/s, A-002 answered without a hashrate; the others never polled. */
function polled(): void {
  const [a1, a2, a3] = fleet.miners;
  const latest = t.db.$client.prepare("INSERT INTO miner_latest (miner_id, at, hashrate_ghs) VALUES (?, '2026-11-20T12:00:00.000Z', ?)");
  latest.run(a1.id, 120_000);
  latest.run(a2.id, null);
  latest.run(a3.id, 160_000);
}

describe('listMiners search index', () => {
  it('follows identity changes, new miners and firmware or worker names, and leaves edits of other columns alone', () => {
    const [a1] = fleet.miners;
    t.db.$client.prepare("UPDATE miners SET ip = '127.60.9.9', firmware = 'LUXminer 2025.1', worker_name = 'acme.rack7' WHERE id = ?").run(a1.id);
    expect(assets({ search: '127.60.0.11' })).toEqual([]);
    expect(assets({ search: '127.60.9.9' })).toEqual(['A-001']);
    expect(assets({ search: 'luxminer' })).toEqual(['A-001']);
    expect(assets({ search: 'ACME.RACK' })).toEqual(['A-001']);
    t.db.$client.prepare('UPDATE miners SET paid = 0 WHERE id = ?').run(a1.id);
    expect(assets({ search: 'acme.rack' })).toEqual(['A-001']);
    const text = t.db.$client.prepare('SELECT text FROM miners_search WHERE rowid = ?').pluck().get(a1.id);
    expect(text).toBe('A-001 SN1 127.60.9.9 mid-1 Bitmain Antminer S21 LUXminer 2025.1 acme.rack7');
  });
});

describe('listMiners', () => {
  it('returns rows with place, client and nominal figures, the total and counts per live status', () => {
    const { rows, total, statusCounts } = list();
    expect(total).toBe(5);
    expect(statusCounts).toEqual({ online: 2, offline: 1, warning: 1, unknown: 1 });
    expect(rows[0]).toMatchObject({
      assetId: 'A-001',
      ip: '127.60.0.11',
      siteName: 'Midland TX',
      roomName: 'C1',
      rackName: 'R1',
      rackPosition: 1,
      client: { id: fleet.acme.id, name: 'Acme Hashing' },
      nominalHashrateThs: '200',
      nominalPowerW: 3500,
      paid: true,
      state: 'assigned',
      liveStatus: 'online',
    });
    expect(rows[3]).toMatchObject({ assetId: 'A-004', nominalHashrateThs: null, rackName: null, siteName: 'Odessa TX' });
    expect(rows[4]).toMatchObject({ assetId: 'SPARE-1', client: null, state: 'unassigned' });
  });

  it('filters by status (counts ignore it), client or unassigned, site, rack, model, state, paid and nominal hashrate', () => {
    const online = list({ statuses: ['online'] });
    expect(online.rows.map((r) => r.assetId)).toEqual(['A-001', 'A-004']);
    expect(online.total).toBe(2);
    expect(online.statusCounts.offline).toBe(1);
    expect(assets({ clientIds: [fleet.boreal.id, 'unassigned'] })).toEqual(['A-003', 'A-004', 'SPARE-1']);
    expect(assets({ clientIds: ['unassigned'] })).toEqual(['SPARE-1']);
    expect(assets({ siteIds: [fleet.odessa.siteId] })).toEqual(['A-003', 'A-004', 'SPARE-1']);
    expect(assets({ rackIds: [fleet.midland.rackId] })).toEqual(['A-001', 'A-002']);
    expect(assets({ modelIds: [fleet.s19 ?? 0] })).toEqual(['A-003']);
    expect(assets({ states: ['unassigned'] })).toEqual(['SPARE-1']);
    expect(assets({ paid: false })).toEqual(['A-002']);
    expect(assets({ hashrateBelowThs: '150' })).toEqual(['A-003']);
  });

  it('searches asset ID, serial, MAC, IP, hostname, model and client name in any case', () => {
    expect(assets({ search: 'a-00' })).toEqual(['A-001', 'A-002', 'A-003', 'A-004']);
    expect(assets({ search: 'sn1' })).toEqual(['A-001']);
    expect(assets({ search: 'aa:bb' })).toEqual(['A-003']);
    expect(assets({ search: '127.60.1.' })).toEqual(['A-003']);
    expect(assets({ search: 'MID-2' })).toEqual(['A-002']);
    expect(assets({ search: 'whatsminer' })).toEqual(['A-004']);
    expect(assets({ search: 'boreal' })).toEqual(['A-003', 'A-004']);
    expect(assets({ search: 'a%' })).toEqual([]); // a wildcard means itself
    expect(list({ search: 'boreal', statuses: ['online'] }).statusCounts).toEqual({ online: 1, offline: 0, warning: 1, unknown: 0 });
  });

  it('sorts by a column with blanks last and pages without overlap', () => {
    expect(assets({ sort: 'client' })).toEqual(['A-001', 'A-002', 'A-003', 'A-004', 'SPARE-1']);
    expect(assets({ sort: 'client', dir: 'desc' })).toEqual(['A-004', 'A-003', 'A-002', 'A-001', 'SPARE-1']);
    expect(assets({ sort: 'hashrate', dir: 'desc' })).toEqual(['SPARE-1', 'A-002', 'A-001', 'A-003', 'A-004']);
    expect(assets({ sort: 'ip', dir: 'desc' })).toEqual(['A-003', 'A-002', 'A-001', 'SPARE-1', 'A-004']);
    expect(assets({ sort: 'status', limit: 2 })).toEqual(['A-002', 'A-001']);
    expect(assets({ sort: 'status', limit: 2, offset: 2 })).toEqual(['A-004', 'SPARE-1']);
    expect(contract['miners.list'].input.safeParse({ limit: 1001 }).error?.issues[0].message).toBe('must be at most 1000');
  });

  it('pages through every sort key, both ways, in the order of the whole list', () => {
    polled();
    // A-001 moves to Boreal, so sorting by client no longer follows the ids.
    t.db.$client.prepare('UPDATE miners SET client_id = ? WHERE id = ?').run(fleet.boreal.id, fleet.miners[0].id);
    for (const sort of minerSortKeys) {
      for (const dir of ['asc', 'desc'] as const) {
        const whole = assets({ sort, dir });
        const paged = [0, 2, 4].flatMap((offset) => assets({ sort, dir, limit: 2, offset }));
        expect(paged, `${sort} ${dir}`).toEqual(whole);
        expect(new Set(whole).size, `${sort} ${dir}`).toBe(5);
      }
    }
    expect(assets({ sort: 'liveHashrate', dir: 'desc' })).toEqual(['A-003', 'A-001', 'SPARE-1', 'A-004', 'A-002']);
    expect(assets({ sort: 'liveHashrate', limit: 1, offset: 1 })).toEqual(['A-003']);
    expect(assets({ sort: 'client', limit: 2 })).toEqual(['A-002', 'A-001']);
    expect(assets({ sort: 'client', dir: 'desc', limit: 2, offset: 2 })).toEqual(['A-001', 'A-002']);
  });

  it('filters on the live hashrate of a polled miner and on the nominal one of a miner without a live figure', () => {
    polled();
    expect(assets({ hashrateBelowThs: '150' })).toEqual(['A-001']); // 120 live though 200 nominal; A-003 runs 160 above its 104
    expect(assets({ hashrateBelowThs: '201' })).toEqual(['A-001', 'A-002', 'A-003', 'SPARE-1']); // A-002 polled without a hashrate
    const offline = list({ hashrateBelowThs: '201', statuses: ['offline'] });
    expect(offline.total).toBe(offline.statusCounts.offline);
    expect(offline.statusCounts).toEqual({ online: 1, offline: 1, warning: 1, unknown: 1 });
  });
});

describe('getMinerDetail', () => {
  it('gives the miner with its assignment history and audit count, or NOT_FOUND', () => {
    const detail = getMinerDetail(t.db, fleet.miners[0].id);
    expect(detail).toMatchObject({ assetId: 'A-001', siteId: fleet.midland.siteId, rackId: fleet.midland.rackId, auditCount: 1 });
    expect(detail.assignments).toEqual([{ client: { id: fleet.acme.id, name: 'Acme Hashing' }, fromAt: expect.any(String), toAt: null }]);
    expect(getMinerDetail(t.db, fleet.miners[4].id).assignments).toEqual([]);
    expect(() => getMinerDetail(t.db, 999)).toThrow(expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringMatching(/Miner #999 was not found/) }));
  });
});
