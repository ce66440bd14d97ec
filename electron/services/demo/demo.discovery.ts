import { insertRows } from '../../../db/bulk';
import type { Db } from '../../../db/open-db';
import { ipToNumber } from '../../contract/ip-ranges';
import type { HostFinding } from '../discovery/scan/scan-job';
import { commitScanNow } from '../discovery/scan/scan.commit';
import { findingValues, resultColumns } from '../discovery/scan/scan.rows';
import { DAY_MS, HOUR_MS, MINUTE_MS, siteIdOf, type DemoContext } from './demo.context';
import type { MinerStory } from './demo.fleet-story';

const iso = (ms: number) => new Date(ms).toISOString();
const ports = JSON.stringify([80, 4028, 4433, 8080]);

type Known = {
  id: number;
  ip: string;
  mac: string | null;
  serial: string | null;
  hostname: string | null;
  family: string | null;
  make: string;
  model: string;
  firmware: string | null;
};

/** A finding as the scanner writes it: what answered at an address and what it said. */
type Finding = Partial<Omit<Known, 'id'>> & { ip: string; state: 'identified' | 'unidentified'; openPorts: number[]; story?: MinerStory; message?: string };

/** Other things with a web page on a miners' network: they answer on port 80 and are not miners. */
const bystanders = [
  'answered HTTP on port 80 with a page titled "UniFi Switch"; not a miner',
  'answered HTTP on port 80 with a page titled "Hikvision IP camera"; not a miner',
  'answered HTTP on port 80 with a page titled "APC Network Management Card"; not a miner',
];

/** The racked miners of a site with an address in a range. */
function knownIn(db: Db, siteId: number, cidr: { first: string; last: string }): Known[] {
  const [first, last] = [ipToNumber(cidr.first)!, ipToNumber(cidr.last)!];
  const rows = db.$client
    .prepare(
      'SELECT id, ip, mac, serial, hostname, family, make, model, firmware FROM miners WHERE site_id = ? AND ip IS NOT NULL AND rack_id IS NOT NULL ORDER BY id',
    )
    .all(siteId) as Known[];
  return rows.filter((m) => {
    const n = ipToNumber(m.ip);
    return n !== null && n >= first && n <= last;
  });
}

/** Writes a finished scan of a range and its findings as the scanner leaves them; returns the scan's id. */
function writeScan(
  ctx: DemoContext,
  scan: { siteId: number; ranges: string[]; hosts: number; startedMs: number; minutes: number; status?: 'done' | 'cancelled'; message?: string },
  findings: readonly Finding[],
): number {
  const sqlite = ctx.db.$client;
  const finishedMs = scan.startedMs + scan.minutes * MINUTE_MS;
  const identified = findings.filter((f) => f.state === 'identified').length;
  const { lastInsertRowid } = sqlite
    .prepare(
      `INSERT INTO discovery_scans (site_id, ranges_json, ports_json, status, total_hosts, probed_hosts, open_hosts, identified_hosts, message, actor, started_at, finished_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      scan.siteId,
      JSON.stringify(scan.ranges),
      ports,
      scan.status ?? 'done',
      scan.hosts,
      scan.status === 'cancelled' ? Math.floor(scan.hosts / 3) : scan.hosts,
      findings.length,
      identified,
      scan.message ?? null,
      ctx.staffNames[2] ?? ctx.actor,
      iso(scan.startedMs),
      iso(finishedMs),
    );
  const scanId = Number(lastInsertRowid);
  const rows = findings.map((f, i) => {
    const s = f.story;
    const live = s && s.status !== 'offline' ? s : null;
    const finding: HostFinding = {
      state: f.state,
      family: f.family ?? null,
      make: f.make ?? null,
      model: f.model ?? null,
      firmware: f.firmware ?? null,
      serial: f.serial ?? null,
      mac: f.mac ?? null,
      hostname: f.hostname ?? null,
      hashrateGhs: live?.hashrateGhs ?? null,
      powerW: live?.powerW || null,
      tempMaxC: live?.tempC ?? null,
      poolUrl: live?.workerName ? 'stratum+tcp://stratum.braiins.example:3333' : null,
      poolUser: live?.workerName ?? null,
      message: f.message ?? null,
    };
    // Found as the sweep went along: the scanner stamps each finding with the time it wrote it.
    ctx.clock.set(scan.startedMs + Math.floor(((i + 1) / (findings.length + 1)) * scan.minutes * MINUTE_MS));
    return findingValues(scanId, f.ip, f.openPorts, finding);
  });
  insertRows(sqlite, 'discovery_results', resultColumns, rows);
  return scanId;
}

const portsOf = (family: string | null) => (family === 'whatsminer' ? [80, 4028, 4433] : family === 'bitaxe' ? [80] : [80, 4028]);

/**
 * Scans of the floor as staff ran them: a Midland container months ago and Odessa's Hall A two days ago,
 * both added to the inventory through the real commit (three machines there had new DHCP addresses, one
 * nobody had recorded was added, and two whose serial and MAC belong to different miners, a control board
 * swap, wait for someone to decide), a scan of this morning not yet added, and one cancelled half-way.
 * Miners that were offline did not answer; switches and cameras answered and were not miners.
 */
export function seedDemoDiscovery(ctx: DemoContext): { scans: number; identityReviews: number } {
  const { db, clock } = ctx;
  const nowMs = clock.realNow.getTime();
  const stories = new Map(ctx.fleet.map((m) => [m.id, m]));
  const answered = (miners: readonly Known[]): Finding[] =>
    miners
      .filter((m) => stories.get(m.id)?.status !== 'offline')
      .map((m) => ({ ...m, state: 'identified', openPorts: portsOf(m.family), story: stories.get(m.id) }));
  const withBystanders = (findings: Finding[], base: string) => [
    ...findings,
    ...bystanders.map((message, i) => ({ ip: `${base}.${250 + i}`, state: 'unidentified' as const, openPorts: [80], message })),
  ];
  const commit = (scanId: number, atMs: number) => {
    clock.set(atMs);
    commitScanNow(db, ctx.deps.scanner, { scanId, markMissingOffline: false }, ctx.staffNames[2] ?? ctx.actor);
  };

  const midland = siteIdOf(db, 'Midland TX');
  const odessa = siteIdOf(db, 'Odessa TX');
  // A container when it was filled, months ago: every machine unchanged since.
  const containerMs = nowMs - 120 * DAY_MS - 4 * HOUR_MS;
  const container = knownIn(db, midland, { first: '127.60.1.0', last: '127.60.1.255' });
  const first = writeScan(
    ctx,
    { siteId: midland, ranges: ['127.60.1.0/24'], hosts: 256, startedMs: containerMs, minutes: 2 },
    withBystanders(answered(container), '127.60.1'),
  );
  commit(first, containerMs + 9 * MINUTE_MS);

  // Odessa Hall A two days ago: DHCP moved three miners, one was never recorded, two have swapped boards.
  const hallMs = nowMs - 2 * DAY_MS - 6 * HOUR_MS;
  const hall = knownIn(db, odessa, { first: '127.60.8.0', last: '127.60.9.255' });
  const findings = answered(hall);
  for (const [i, f] of findings.slice(10, 13).entries()) f.ip = `127.60.9.${231 + i}`;
  const [a, b] = [findings[40], findings[41]];
  if (a && b) [a.mac, b.mac] = [b.mac, a.mac];
  findings.push({
    ip: '127.60.9.240',
    state: 'identified',
    openPorts: [80, 4028],
    family: 'antminer',
    make: 'Bitmain',
    model: 'Antminer S21',
    firmware: 'Antminer S21 20241022',
    serial: 'BI77120458',
    mac: '02:0B:7E:11:F0:01',
    hostname: 'r09-240',
  });
  const second = writeScan(ctx, { siteId: odessa, ranges: ['127.60.8.0/23'], hosts: 512, startedMs: hallMs, minutes: 3 }, withBystanders(findings, '127.60.9'));
  commit(second, hallMs + 25 * MINUTE_MS);

  // This morning's check of container C-02, not yet added; and one stopped half-way last month.
  const morningMs = nowMs - 3 * HOUR_MS - 20 * MINUTE_MS;
  const c02 = knownIn(db, midland, { first: '127.60.3.0', last: '127.60.4.255' });
  writeScan(ctx, { siteId: midland, ranges: ['127.60.3.0/23'], hosts: 512, startedMs: morningMs, minutes: 3 }, withBystanders(answered(c02), '127.60.4'));
  writeScan(
    ctx,
    {
      siteId: odessa,
      ranges: ['127.60.12.0/22'],
      hosts: 1024,
      startedMs: nowMs - 33 * DAY_MS,
      minutes: 1,
      status: 'cancelled',
      message: 'Cancelled before every address was probed. Findings so far are kept.',
    },
    answered(knownIn(db, odessa, { first: '127.60.12.0', last: '127.60.12.80' })),
  );
  const reviews = (db.$client.prepare("SELECT count(*) AS n FROM miner_identity_reviews WHERE status = 'open'").get() as { n: number }).n;
  return { scans: 4, identityReviews: reviews };
}
