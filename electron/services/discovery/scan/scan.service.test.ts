import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../../tools/sim/simulator';
import { actor } from '../../../../tests/helpers/client-fixtures';
import { makeFleet, type Fleet } from '../../../../tests/helpers/fleet-fixtures';
import { openTempDb, type TempDb } from '../../../../tests/helpers/temp-db';
import { contract, type Input } from '../../../contract';
import { exampleAddresses } from '../../../contract/ip-ranges';
import { getMinerDetail } from '../../miners/miners.list';
import { applyMinerChanges, getMinerHistory } from '../../miners/miners.records';
import { listIdentityReviews } from '../../miners/miners.records.reviews';
import { identifyOpenHosts } from './identify-host';
import { commitScan } from './scan.commit';
import { createScanner, type Scanner } from './scan.service';

// Eight miners of every family on 127.64.0.1-8, with no quirks, so every one must be identified.
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ count: 8, base: '127.64.0.0/24', seed: 7, quirkRate: 0 });
});
afterAll(() => sim.stop());

let t: TempDb;
let fleet: Fleet;
let scanner: Scanner;
const errors: object[] = [];
beforeEach(() => {
  t = openTempDb();
  fleet = makeFleet(t.db);
  scanner = createScanner(t.db, {
    identify: identifyOpenHosts({ connectTimeoutMs: 2_000, budgetMs: 8_000 }),
    concurrency: 64,
    flushEveryMs: 20,
    log: { error: (details) => errors.push(details) },
  });
});
afterEach(() => {
  scanner.shutdown();
  t.close();
  expect(errors).toEqual([]);
});

const scan = async (raw: Input<'discovery.scan'>) => {
  const started = scanner.start(contract['discovery.scan'].input.parse(raw), actor);
  await scanner.settled(started.id);
  return scanner.status(started.id);
};
const review = (scanId: number) => scanner.results(contract['discovery.results'].input.parse({ scanId, review: true }));

describe('scanner', () => {
  it('probes every address, identifies each simulated family with its own serial and MAC, and stores them', async () => {
    const done = await scan({ ranges: ['127.64.0.0/28'], siteId: fleet.midland.siteId, saveRanges: true });
    expect(done).toMatchObject({ status: 'done', totalHosts: 16, probedHosts: 16, openHosts: 8, identifiedHosts: 8, ranges: ['127.64.0.0/28'] });
    expect(new Set(sim.hosts.map((h) => h.family)).size).toBe(8);
    const { rows, missing } = review(done!.id);
    const truth = new Map(sim.hosts.map((host) => [host.ip, host]));
    expect(rows).toHaveLength(8);
    for (const row of rows) {
      const host = truth.get(row.ip)!;
      expect(row).toMatchObject({ state: 'identified', family: host.family, mac: host.mac.toUpperCase(), proposal: { action: 'new' } });
      expect(row.serial).toBe(host.serial);
    }
    expect(missing).toEqual([]); // no known miner lives in 127.64.0.0/28
    expect(scanner.results({ scanId: done!.id, afterId: rows[2].id, limit: 500, review: false }).rows.map((r) => r.id)).toEqual(rows.slice(3).map((r) => r.id));
  });

  it('proposes, page by page, what committing the whole scan would do', () => {
    // A known miner answered at a new address (matched by serial); another machine, saying no serial or MAC,
    // now holds the known miner's old address. Read together or a page at a time, the second is new.
    const known = fleet.miners[0];
    applyMinerChanges(t.db, known.id, { serial: 'SER-MOVED', ip: '127.64.9.1', siteId: fleet.midland.siteId }, actor, 'manual');
    const sqlite = t.db.$client;
    const scanId = Number(
      sqlite
        .prepare(
          `INSERT INTO discovery_scans (site_id, ranges_json, ports_json, status, total_hosts, actor, started_at, finished_at)
           VALUES (?, '["127.64.9.0/24"]', '[4028]', 'done', 256, 'test', '2026-11-23T00:00:00.000Z', '2026-11-23T00:01:00.000Z')`,
        )
        .run(fleet.midland.siteId).lastInsertRowid,
    );
    const finding = sqlite.prepare(
      `INSERT INTO discovery_results (scan_id, ip, open_ports_json, state, family, make, model, serial, found_at)
       VALUES (?, ?, '[4028]', 'identified', 'antminer', 'Bitmain', 'Antminer S21', ?, '2026-11-23T00:00:30.000Z')`,
    );
    finding.run(scanId, '127.64.9.2', 'SER-MOVED');
    finding.run(scanId, '127.64.9.1', null);
    const whole = review(scanId).rows.map((row) => row.proposal?.action);
    expect(whole).toEqual(['update', 'new']);
    const first = scanner.results(contract['discovery.results'].input.parse({ scanId, limit: 1, review: true }));
    const second = scanner.results(contract['discovery.results'].input.parse({ scanId, afterId: first.nextAfterId, limit: 1, review: true }));
    expect([...first.rows, ...second.rows].map((row) => row.proposal?.action)).toEqual(whole);
    expect(second.missing).toEqual([]); // whole-scan figures come with the first page
  });

  it('commits: new miners join the site, a moved miner keeps its asset ID with the new IP in its history, a missing one is marked offline', async () => {
    const [moved] = sim.hosts;
    // A known miner with the simulated machine's MAC but an old address (DHCP gave it a new one).
    const known = fleet.miners[4];
    applyMinerChanges(t.db, known.id, { mac: moved.mac, ip: '127.64.0.200', siteId: fleet.midland.siteId }, actor, 'manual');
    const done = await scan({ ranges: ['127.64.0.0/24'], siteId: fleet.midland.siteId });
    const { rows, missing } = review(done!.id);
    const movedRow = rows.find((row) => row.ip === moved.ip)!;
    expect(movedRow.proposal).toMatchObject({
      action: 'update',
      minerId: known.id,
      by: 'mac',
      changes: expect.arrayContaining([{ field: 'ip', before: '127.64.0.200', after: moved.ip }]),
    });
    expect(missing).toEqual([]); // the moved miner answered at its new address

    const result = await commitScan(t.db, scanner, contract['discovery.commit'].input.parse({ scanId: done!.id }), actor);
    expect(result).toEqual({ created: 7, updated: 1, unchanged: 0, sentToReview: 0, markedOffline: 0 });
    // New miners continue the facility's own asset ID series (the fleet's A-001…A-004), not the app's M-000001.
    const created = t.db.$client
      .prepare("SELECT asset_id FROM miners WHERE asset_id NOT IN ('A-001', 'A-002', 'A-003', 'A-004', 'SPARE-1') ORDER BY id")
      .pluck()
      .all();
    expect(created).toEqual(['A-005', 'A-006', 'A-007', 'A-008', 'A-009', 'A-010', 'A-011']);
    expect(getMinerDetail(t.db, known.id)).toMatchObject({ assetId: known.assetId, ip: moved.ip, lastSeenAt: movedRow.foundAt });
    expect(t.db.$client.prepare('SELECT family FROM miners WHERE id = ?').pluck().get(known.id)).toBe(moved.family);
    expect(
      getMinerHistory(t.db, known.id)
        .identity.filter((h) => h.kind === 'ip')
        .map((h) => [h.value, h.source, h.toAt === null]),
    ).toEqual([
      [moved.ip, 'discovery', true],
      ['127.64.0.200', 'manual', false],
    ]);

    // The next scan of a narrower range finds the same machines unchanged, and misses a known miner placed inside it.
    t.db.$client.prepare("UPDATE miners SET ip = '127.64.0.9', live_status = 'online' WHERE id = ?").run(fleet.miners[0].id);
    t.db.$client.prepare('UPDATE miners SET site_id = ? WHERE id = ?').run(fleet.midland.siteId, fleet.miners[0].id);
    const again = await scan({ ranges: ['127.64.0.1-127.64.0.15'], siteId: fleet.midland.siteId });
    const second = review(again!.id);
    expect(second.rows.map((row) => row.proposal?.action)).toEqual(Array(8).fill('unchanged'));
    expect(second.missing.map((m) => m.assetId)).toEqual([fleet.miners[0].assetId]);
    expect(await commitScan(t.db, scanner, contract['discovery.commit'].input.parse({ scanId: again!.id }), actor)).toMatchObject({
      unchanged: 8,
      markedOffline: 1,
    });
    expect(getMinerDetail(t.db, fleet.miners[0].id).liveStatus).toBe('offline');
  });

  it('sends a machine whose serial points at one miner and MAC at another to the review list', async () => {
    const [host] = sim.hosts;
    t.db.$client.prepare('UPDATE miners SET serial = ? WHERE id = ?').run(host.serial, fleet.miners[1].id);
    t.db.$client.prepare('UPDATE miners SET mac = ? WHERE id = ?').run(host.mac, fleet.miners[2].id);
    const done = await scan({ ranges: [host.ip], siteId: null });
    expect(review(done!.id).rows[0].proposal).toMatchObject({ action: 'review' });
    expect(await commitScan(t.db, scanner, contract['discovery.commit'].input.parse({ scanId: done!.id }), actor)).toMatchObject({
      sentToReview: 1,
      created: 0,
    });
    expect(listIdentityReviews(t.db, contract['miners.identity.reviews.list'].input.parse({ status: 'open' })).total).toBe(1);
  });

  it('cancels a running scan, refuses to commit while running, and explains bad ranges in plain words', async () => {
    const started = scanner.start(contract['discovery.scan'].input.parse({ ranges: ['127.65.0.0/16'] }), actor);
    await expect(commitScan(t.db, scanner, { scanId: started.id, markMissingOffline: true }, actor)).rejects.toThrow('is still running');
    expect(scanner.cancel(started.id).id).toBe(started.id);
    await scanner.settled(started.id);
    expect(scanner.status(started.id)).toMatchObject({ status: 'cancelled', message: 'Cancelled before every address was probed. Findings so far are kept.' });
    expect(scanner.status(started.id)!.probedHosts).toBeLessThan(65_536);
    expect(() => scanner.cancel(started.id)).toThrow('is not running any more (cancelled)');
    const issues = contract['discovery.scan'].input.safeParse({ ranges: ['127.0.0.0/8', 'nope'] }).error?.issues.map((i) => i.message);
    expect(issues).toEqual([
      '"127.0.0.0/8" is larger than a /16 (16,777,216 addresses); split it into /16 ranges or smaller.',
      `"nope" is not an IPv4 address, a range like ${exampleAddresses.range}, or a CIDR block like ${exampleAddresses.cidr}.`,
    ]);
  });

  it('runs one scan at a time: the others wait in line saying so, start on their own, and a waiting one can be cancelled', async () => {
    const parse = (ranges: string[]) => contract['discovery.scan'].input.parse({ ranges, ports: [4028] });
    const first = scanner.start(parse(['127.65.0.0/20']), actor);
    const second = scanner.start(parse(['127.65.16.0/28']), actor);
    const third = scanner.start(parse(['127.65.17.0/28']), actor);
    const fourth = scanner.start(parse(['127.65.18.0/28']), actor);
    expect(first.status).toBe('running');
    expect(scanner.status(second.id)).toMatchObject({
      status: 'queued',
      rate: 0,
      message: `Waiting for scan #${first.id} to finish: one scan runs at a time, and this one starts on its own.`,
    });
    expect(scanner.status(fourth.id)!.message).toBe(
      `Waiting for scan #${first.id} and 2 queued scans before it to finish: one scan runs at a time, and this one starts on its own.`,
    );
    await expect(commitScan(t.db, scanner, { scanId: second.id, markMissingOffline: true }, actor)).rejects.toThrow('is still queued');
    expect(scanner.cancel(third.id)).toMatchObject({ status: 'cancelled', message: 'Cancelled before it started.' });
    expect(scanner.status(fourth.id)!.message).toContain('and 1 queued scan before it');
    await Promise.all([first, second, third, fourth].map((s) => scanner.settled(s.id)));
    const ends = [first, second, fourth].map((s) => scanner.status(s.id)!);
    expect(ends.map((s) => [s.status, s.probedHosts])).toEqual([
      ['done', 4096],
      ['done', 16],
      ['done', 16],
    ]);
    // Each started only after the one before it ended.
    expect(Date.parse(ends[1].startedAt)).toBeGreaterThanOrEqual(Date.parse(ends[0].finishedAt!));
    expect(Date.parse(ends[2].startedAt)).toBeGreaterThanOrEqual(Date.parse(ends[1].finishedAt!));
  });

  it('stops with a plain-words message, not a false "done", when connects fail for lack of descriptors (EMFILE)', async () => {
    let connects = 0;
    const starved = createScanner(t.db, {
      identify: identifyOpenHosts(),
      flushEveryMs: 20,
      connector: (_ip, _port, target) => {
        const code = ++connects > 300 ? 'EMFILE' : 'ECONNREFUSED';
        setImmediate(() => target.connected(code));
        return { close: () => undefined };
      },
      log: { error: (details) => errors.push(details) },
    });
    const started = starved.start(contract['discovery.scan'].input.parse({ ranges: ['127.66.0.0/16'], ports: [4028] }), actor);
    await starved.settled(started.id);
    const end = starved.status(started.id)!;
    expect(end.status).toBe('failed');
    expect(end.message).toMatch(
      /^The scan stopped after \d+ of 65,536 addresses: this computer ran out of open connections \(EMFILE\)\. .* Findings so far are kept\.$/,
    );
    expect(end.probedHosts).toBeLessThan(65_536);
    starved.shutdown();
  });
});
