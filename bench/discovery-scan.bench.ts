import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../db/open-db';
import { contract } from '../electron/contract';
import { identifyOpenHosts } from '../electron/services/discovery/scan/identify-host';
import { createScanner } from '../electron/services/discovery/scan/scan.service';
import type { SimulatedHost } from '../tools/sim/simulator';
import { startSimProcess } from './fixtures/sim-process';

/** Simulated miners of every family; two child processes keep each under the open-file limit. */
const total = Number(process.env.SCAN_BENCH_MINERS ?? 10_000);
const perProcess = 5_000;

/** nmap's time for the same sweep, when nmap is installed; null otherwise. */
function nmapSeconds(range: string): number | null {
  try {
    execFileSync('nmap', ['--version'], { stdio: 'ignore' });
  } catch {
    return null;
  }
  const started = performance.now();
  execFileSync('nmap', ['-n', '-T5', '-p', '80,4028,4433', range], { stdio: 'ignore', timeout: 600_000 });
  return Math.round(performance.now() - started) / 1000;
}

/**
 * A scan of two /16 ranges of loopback holding `total` simulated miners of all eight families, through the
 * app's scanner service (sweep, identification, storage), and the share identified correctly (family, serial
 * and MAC as the simulator's manifest says). Also the sweep of one /16 alone, against nmap when installed.
 */
export async function discoveryScan(): Promise<Record<string, number | null>> {
  const dir = mkdtempSync(join(tmpdir(), 'hashdesk-bench-'));
  const children: ChildProcess[] = [];
  const db = openDb(join(dir, 'bench.db'));
  const scanner = createScanner(db, { identify: identifyOpenHosts(), log: { error: (details) => console.error(details) } });
  try {
    const hosts: SimulatedHost[] = [];
    const ranges: string[] = [];
    for (let i = 0; i * perProcess < total; i++) {
      const count = Math.min(perProcess, total - i * perProcess);
      const manifest = join(dir, `sim-${i}.json`);
      ranges.push(`127.${74 + i}.0.0/16`);
      children.push(await startSimProcess({ count, base: ranges[i], manifest, seed: 9 }));
      hosts.push(...(JSON.parse(readFileSync(manifest, 'utf8')) as { hosts: SimulatedHost[] }).hosts);
    }
    const started = performance.now();
    const scan = scanner.start(contract['discovery.scan'].input.parse({ ranges }), 'bench');
    await scanner.settled(scan.id);
    const scanMs = performance.now() - started;
    const found = new Map(scanner.allResults(scan.id).map((row) => [row.ip, row]));
    const correct = hosts.filter((host) => {
      const row = found.get(host.ip);
      return (
        row?.state === 'identified' && row.family === host.family && row.mac === host.mac.toUpperCase() && (host.serial === null || row.serial === host.serial)
      );
    }).length;

    const sweepStarted = performance.now();
    const sweepOnly = scanner.start(contract['discovery.scan'].input.parse({ ranges: ['127.79.0.0/16'], ports: [80, 4028, 4433] }), 'bench');
    await scanner.settled(sweepOnly.id);
    const sweepS = Math.round(performance.now() - sweepStarted) / 1000;
    const nmapS = nmapSeconds('127.79.0.0/16');
    return {
      addresses: ranges.length * 65_536,
      miners: hosts.length,
      scanS: Math.round(scanMs) / 1000,
      identifiedCorrectly: correct,
      correctPercent: Math.round((correct / hosts.length) * 1000) / 10,
      sweepOneSlash16S: sweepS,
      nmapSameSweepS: nmapS,
      oursOverNmap: nmapS ? Math.round((sweepS / nmapS) * 100) / 100 : null,
    };
  } finally {
    scanner.shutdown();
    for (const child of children) child.kill('SIGTERM');
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
