import type { ChildProcess } from 'node:child_process';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openDb } from '../db/open-db';
import { contract } from '../electron/contract';
import { DRIVERS, type MinerFamily } from '../electron/services/discovery/drivers';
import { identifyOpenHosts } from '../electron/services/discovery/scan/identify-host';
import { createScanner } from '../electron/services/discovery/scan/scan.service';
import type { ScanResultRow } from '../electron/contract/discovery';
import type { SimulatedHost } from '../tools/sim/simulator';
import { startSimProcess } from './fixtures/sim-process';

/**
 * The fleet of issue #16: 1,000 simulated miners of every family on one /16 of loopback, 79 of them
 * misbehaving (seed 7 at a quirk rate of 0.08: silent, reset, TLS, endless, slow, trickling, offline or
 * malformed JSON), so 921 answer as a miner should.
 */
const range = '127.60.0.0/16';
const miners = Number(process.env.SCAN_BENCH_MINERS ?? 1_000);
const ports = [80, 4028, 4433];
const rounds = Number(process.env.SCAN_BENCH_ROUNDS ?? 3);
const run = promisify(execFile);

function nmapInstalled(): boolean {
  try {
    execFileSync('nmap', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** nmap's connect sweep of the same addresses and ports, listing only hosts with an open port; seconds and how many hosts it listed. */
async function nmapSweep(): Promise<{ seconds: number; openHosts: number }> {
  const started = performance.now();
  const { stdout } = await run('nmap', ['-n', '-T5', '--open', '-p', ports.join(','), '-oG', '-', range], { timeout: 600_000, maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  return { seconds, openHosts: stdout.split('\n').filter((line) => /Ports: .*\/open\//.test(line)).length };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Whether a finding names the miner the simulator put there: family, MAC, and serial where the firmware reports one. */
const matches = (row: ScanResultRow, host: SimulatedHost) =>
  row.family === host.family && row.mac === host.mac.toUpperCase() && (host.serial === null || row.serial === host.serial);

/** A false positive claims something untrue: a miner where there is none, another family, or another machine's MAC or serial. */
const contradicts = (row: ScanResultRow, host: SimulatedHost | undefined) =>
  !host || row.family !== host.family || (row.mac !== null && row.mac !== host.mac.toUpperCase()) || (row.serial !== null && row.serial !== host.serial);

/** Live hashrate the device gives its telemetry reader right after the scan, to compare with the scan's figure. */
async function liveWithinTenPercent(rows: ScanResultRow[]): Promise<number> {
  let within = 0;
  for (let i = 0; i < rows.length; i += 64) {
    const batch = await Promise.all(
      rows.slice(i, i + 64).map(async (row) => {
        const read = await DRIVERS[row.family as MinerFamily].readTelemetry(row.ip, { timeoutMs: 5_000 });
        const device = read.ok ? read.value.hashrateGhs : null;
        const scanned = row.hashrateThs === null ? null : Number(row.hashrateThs) * 1000;
        return device !== null && scanned !== null && Math.abs(scanned - device) <= device * 0.1;
      }),
    );
    within += batch.filter(Boolean).length;
  }
  return within;
}

/**
 * The whole scan of the populated /16 through the app's scanner service (sweep, identification with MAC and
 * live figures, storage) against nmap's connect sweep of the same /16 and ports in the same run, alternated
 * over a few rounds; medians and their ratio. Without nmap, the ratio is left out with a note.
 */
export async function discoveryScan(): Promise<Record<string, number | string | null>> {
  const dir = mkdtempSync(join(tmpdir(), 'hashdesk-bench-'));
  let child: ChildProcess | null = null;
  const db = openDb(join(dir, 'bench.db'));
  const scanner = createScanner(db, { identify: identifyOpenHosts(), log: { error: (details) => console.error(details) } });
  try {
    const manifest = join(dir, 'sim.json');
    child = await startSimProcess({ count: miners, base: range, manifest, seed: 7, quirkRate: 0.08 });
    const hosts = (JSON.parse(readFileSync(manifest, 'utf8')) as { hosts: SimulatedHost[] }).hosts;
    const answering = hosts.filter((host) => host.quirk === null);
    const withNmap = nmapInstalled();
    const oursS: number[] = [];
    const nmapS: number[] = [];
    let nmapOpenHosts: number | null = null;
    let lastScanId = 0;
    for (let i = 0; i < rounds; i++) {
      if (withNmap) {
        const sweep = await nmapSweep();
        nmapS.push(sweep.seconds);
        nmapOpenHosts = sweep.openHosts;
      }
      const started = performance.now();
      const scan = scanner.start(contract['discovery.scan'].input.parse({ ranges: [range], ports }), 'bench');
      await scanner.settled(scan.id);
      oursS.push((performance.now() - started) / 1000);
      lastScanId = scan.id;
    }
    const summary = scanner.status(lastScanId)!;
    const rows = scanner.allResults(lastScanId);
    const byIp = new Map(hosts.map((host) => [host.ip, host]));
    const identified = rows.filter((row) => row.state === 'identified');
    const correct = identified.filter((row) => byIp.has(row.ip) && matches(row, byIp.get(row.ip)!));
    const found = new Set(correct.map((row) => row.ip));
    const ours = median(oursS);
    const theirs = withNmap ? median(nmapS) : null;
    return {
      addresses: 65_536,
      ports: ports.join(','),
      miners: hosts.length,
      misbehaving: hosts.length - answering.length,
      scanStatus: summary.status,
      scanS: round2(ours),
      scanRunsS: oursS.map(round2).join(' '),
      openHosts: summary.openHosts,
      answeringIdentified: answering.filter((host) => found.has(host.ip)).length,
      answering: answering.length,
      falsePositives: identified.filter((row) => contradicts(row, byIp.get(row.ip))).length,
      misbehavingIdentifiedCorrectly: hosts.filter((host) => host.quirk !== null && found.has(host.ip)).length,
      misbehavingRecognisedWithoutDetails: identified.filter((row) => !found.has(row.ip) && !contradicts(row, byIp.get(row.ip))).length,
      liveHashrateWithin10Percent: await liveWithinTenPercent(correct),
      nmapSweepS: theirs === null ? null : round2(theirs),
      nmapRunsS: withNmap ? nmapS.map(round2).join(' ') : null,
      nmapOpenHosts,
      oursOverNmap: theirs === null ? null : round2(ours / theirs),
      // As root nmap sends raw SYN packets (one system call a probe); otherwise it connects as the scanner does.
      nmapScan: withNmap ? (process.getuid?.() === 0 ? 'SYN scan (root)' : 'connect scan') : null,
      note: withNmap ? 'same /16, same ports, same run; medians of alternated rounds' : 'nmap is not installed: no comparison (apt-get install nmap)',
    };
  } finally {
    scanner.shutdown();
    child?.kill('SIGTERM');
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
