import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../db/open-db';
import { createMiners } from '../../electron/services/miners/miners.service';
import { actor, makeClient, makeManager } from '../helpers/client-fixtures';
import { numberedMac, recordFinishedScan } from '../helpers/scan-fixtures';
import { apiClient, startServer, type HashdeskServer } from '../helpers/serve-process';

/**
 * The crash proof (issue 15): a real `serve` process is killed (SIGKILL, as a power cut would) while it commits
 * a 10,000-row import, while it mass-edits 10,000 miners, and while it commits a scan of 10,000 findings. The
 * database reopens consistent, each operation is whole or absent, and running it again completes it with no
 * duplicate. Needs the production build (`npx electron-vite build`); talks to 127.0.0.1 only.
 */

const MINERS = 10_000;
const FINDINGS = 10_000;
const importEmail = 'importer@crash.example';
const dataDir = mkdtempSync(join(tmpdir(), 'hashdesk-crash-'));
const dbFile = join(dataDir, 'hashdesk.db');
let editClientId = 0;
let scanId = 0;

beforeAll(() => {
  const db = openDb(dbFile);
  const managerId = makeManager(db).id;
  makeClient(db, { name: 'Import Client', contactEmail: importEmail, managerId });
  editClientId = makeClient(db, { name: 'Mass Edit Client', contactEmail: 'edit@crash.example', managerId }).id;
  const existing = Array.from({ length: MINERS }, (_, i) => ({ assetId: `OLD-${i + 1}`, make: 'Bitmain', model: 'Antminer S19', serial: `OLD${i + 1}` }));
  createMiners(db, existing, actor);
  scanId = recordScanOfNewMachines(db);
  db.$client.close();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** A finished scan of 127.72.0.0/18 that identified FINDINGS miners the inventory does not know. */
function recordScanOfNewMachines(db: Db): number {
  const findings = Array.from({ length: FINDINGS }, (_, k) => ({ ip: `127.72.${k >> 8}.${k & 255}`, serial: `DISC${k + 1}`, mac: numberedMac('0a', k + 1) }));
  return recordFinishedScan(db, ['127.72.0.0/18'], null, findings);
}

/** A CSV of 10,000 new miners for one client, as a facility's intake sheet would list them. */
function importFile(): { fileName: string; base64: string } {
  const lines = ['Serial,IP,MAC,Model,Client e-mail,Paid'];
  for (let i = 1; i <= MINERS; i += 1) {
    const hex = i.toString(16).padStart(6, '0');
    lines.push(`NEW${i},127.71.${i >> 8}.${i & 255},06:00:00:${hex.slice(0, 2)}:${hex.slice(2, 4)}:${hex.slice(4)},Antminer S21 Pro,${importEmail},yes`);
  }
  return { fileName: 'intake.csv', base64: Buffer.from(lines.join('\n')).toString('base64') };
}

/**
 * Kills the server while `running` is in flight: each commit writes in one synchronous SQLite transaction (a scan
 * commit plans first, answering other calls between its steps), so while it runs the server answers nothing else;
 * the first ping left unanswered for 150 ms means it is under way (planning or writing: either way whole or absent).
 * Returns whether the kill came while the server was busy with it (not after the call answered).
 */
async function killWhileRunning(server: HashdeskServer, running: Promise<unknown>): Promise<boolean> {
  let settled = false;
  let busy = false;
  void running.then(() => (settled = true));
  for (let polls = 0; polls < 2_000 && !settled; polls += 1) {
    const answered = await fetch(`${server.info.url}/api/app.info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.info.token}` },
      body: '{}',
      signal: AbortSignal.timeout(150),
    }).then(
      () => true,
      () => false,
    );
    busy = !answered && !settled;
    if (busy) break;
  }
  await server.kill();
  await running;
  return busy;
}

/** Opens the data folder as the app would after the crash, checks SQLite's own consistency, and counts with `count`. */
function afterCrash<T>(count: (db: Db) => T): T {
  const db = openDb(dbFile);
  try {
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.$client.pragma('foreign_key_check')).toEqual([]);
    return count(db);
  } finally {
    db.$client.close();
  }
}

const countOf = (db: Db, sql: string, ...params: unknown[]) =>
  (db.$client
    .prepare(sql)
    .pluck()
    .get(...params) as number) ?? 0;

describe('a serve process killed mid-operation', () => {
  it('an import commit of 10,000 rows is whole or absent, and its rerun creates each miner once', async () => {
    const file = importFile();
    const first = await startServer(dataDir);
    const api = apiClient(first);
    const preview = await api.call('miners.import.preview', file);
    expect(preview.summary).toMatchObject({ rows: MINERS, create: MINERS, error: 0 });
    // The kill closes this request's socket; catch it now, or the rejection is unhandled.
    const running = api.raw('miners.import.commit', file).catch(() => undefined);
    expect(await killWhileRunning(first, running), 'the server was killed while busy with the call').toBe(true);

    const imported = (db: Db) => ({
      miners: countOf(db, `SELECT count(*) FROM miners WHERE serial LIKE 'NEW%'`),
      distinctSerials: countOf(db, `SELECT count(DISTINCT serial) FROM miners WHERE serial LIKE 'NEW%'`),
      created: countOf(db, `SELECT count(*) FROM audit_log WHERE action = 'miner.created' AND after_json LIKE '%"serial":"NEW%'`),
      assigned: countOf(db, `SELECT count(*) FROM miner_client_assignments a JOIN miners m ON m.id = a.miner_id WHERE m.serial LIKE 'NEW%'`),
    });
    const crashed = afterCrash(imported);
    expect([0, MINERS]).toContain(crashed.miners);
    expect(crashed).toEqual({ miners: crashed.miners, distinctSerials: crashed.miners, created: crashed.miners, assigned: crashed.miners });

    const second = await startServer(dataDir);
    const rerun = await apiClient(second).call('miners.import.commit', file);
    await second.stop();
    expect(rerun.created + rerun.unchanged).toBe(MINERS);
    expect(rerun.created).toBe(MINERS - crashed.miners);
    expect(afterCrash(imported)).toEqual({ miners: MINERS, distinctSerials: MINERS, created: MINERS, assigned: MINERS });
  }, 240_000);

  it('a mass edit of 10,000 miners is whole or absent, with its one undo batch, and its rerun changes each miner once', async () => {
    const first = await startServer(dataDir);
    const api = apiClient(first);
    const minerIds: number[] = afterCrash((db) => db.$client.prepare(`SELECT id FROM miners WHERE serial LIKE 'OLD%' ORDER BY id`).pluck().all() as number[]);
    const input = { minerIds, changes: { clientId: editClientId, paid: false, notes: 'moved after the audit' } };
    const running = api.raw('miners.massEdit', input).catch(() => undefined);
    expect(await killWhileRunning(first, running), 'the server was killed while busy with the call').toBe(true);

    const edited = (db: Db) => ({
      miners: countOf(db, `SELECT count(*) FROM miners WHERE client_id = ? AND paid = 0 AND notes = 'moved after the audit'`, editClientId),
      audited: countOf(db, `SELECT count(*) FROM audit_log WHERE action = 'miner.mass_edited'`),
      assignments: countOf(db, `SELECT count(*) FROM miner_client_assignments WHERE client_id = ?`, editClientId),
      batches: countOf(db, `SELECT count(*) FROM miner_edit_batches`),
    });
    const crashed = afterCrash(edited);
    expect([0, MINERS]).toContain(crashed.miners);
    expect(crashed).toEqual({ miners: crashed.miners, audited: crashed.miners, assignments: crashed.miners, batches: crashed.miners / MINERS });

    const second = await startServer(dataDir);
    const rerun = await apiClient(second).call('miners.massEdit', input);
    await second.stop();
    expect(rerun.changed).toBe(MINERS - crashed.miners);
    const after = afterCrash(edited);
    expect(after).toMatchObject({ miners: MINERS, audited: MINERS, assignments: MINERS });
  }, 240_000);

  it('a scan commit of 10,000 findings is whole or absent, and its rerun adds each miner once', async () => {
    const first = await startServer(dataDir);
    const running = apiClient(first)
      .raw('discovery.commit', { scanId })
      .catch(() => undefined);
    expect(await killWhileRunning(first, running), 'the server was killed while busy with the call').toBe(true);

    const committed = (db: Db) => ({
      miners: countOf(db, `SELECT count(*) FROM miners WHERE serial LIKE 'DISC%'`),
      distinctSerials: countOf(db, `SELECT count(DISTINCT serial) FROM miners WHERE serial LIKE 'DISC%'`),
      linkedFindings: countOf(db, `SELECT count(*) FROM discovery_results WHERE scan_id = ? AND miner_id IS NOT NULL`, scanId),
      commitsAudited: countOf(db, `SELECT count(*) FROM audit_log WHERE action = 'discovery.committed'`),
      scanCommitted: countOf(db, `SELECT count(*) FROM discovery_scans WHERE id = ? AND committed_at IS NOT NULL`, scanId),
    });
    const crashed = afterCrash(committed);
    expect([0, FINDINGS]).toContain(crashed.miners);
    const whole = crashed.miners / FINDINGS;
    expect(crashed).toEqual({
      miners: crashed.miners,
      distinctSerials: crashed.miners,
      linkedFindings: crashed.miners,
      commitsAudited: whole,
      scanCommitted: whole,
    });

    const second = await startServer(dataDir);
    const rerun = await apiClient(second).call('discovery.commit', { scanId });
    await second.stop();
    expect(rerun).toMatchObject({ created: FINDINGS - crashed.miners, unchanged: crashed.miners, sentToReview: 0 });
    expect(afterCrash(committed)).toMatchObject({ miners: FINDINGS, distinctSerials: FINDINGS, linkedFindings: FINDINGS, scanCommitted: 1 });
  }, 240_000);
});
