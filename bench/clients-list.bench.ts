import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../db/open-db';
import { contract, type Input } from '../electron/contract';
import { clientStatuses } from '../electron/contract/clients';
import { minerLiveStatuses } from '../electron/contract/miners';
import { taskStatuses } from '../electron/contract/tasks';
import { listClients } from '../electron/services/clients/clients.list';
import { seededRandom } from '../electron/services/demo/seed-random';

const clientCount = 5_000;
const minerCount = 100_000;
const taskCount = 20_000;
const runs = 60;

/** Fills the database with raw prepared statements in one transaction: the bench measures reading, not seeding. */
function fill(db: Db): void {
  const sqlite = db.$client;
  const random = seededRandom(42);
  const now = '2025-01-01T00:00:00.000Z';
  sqlite.transaction(() => {
    const staff = sqlite.prepare('INSERT INTO staff (name, email, created_at, updated_at) VALUES (?, ?, ?, ?)');
    for (let i = 1; i <= 20; i += 1) staff.run(`Manager ${i}`, `m${i}@bench.example`, now, now);
    const group = sqlite.prepare('INSERT INTO client_groups (name) VALUES (?)');
    for (let i = 1; i <= 6; i += 1) group.run(`Group ${i}`);
    const client = sqlite.prepare(
      `INSERT INTO clients (name, company, contact_email, phone, country, group_id, tax_exempt, manager_id, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let i = 1; i <= clientCount; i += 1) {
      const created = new Date(Date.UTC(2020, 0, 1) + i * 3_600_000 * 7).toISOString();
      const status = random.chance(0.8) ? 'active' : random.pick(clientStatuses);
      client.run(
        `Client ${i}`,
        random.chance(0.6) ? `Company ${i} Ltd` : '',
        `c${i}@bench.example`,
        `+1 555 ${i}`,
        random.pick(['US', 'CA', 'NO', 'DE']),
        random.int(1, 6),
        random.chance(0.1) ? 1 : 0,
        random.int(1, 20),
        status,
        created,
        created,
      );
    }
    // Skewed like a real floor: a tenth of the clients hold most machines, a fifth hold none.
    const miner = sqlite.prepare(
      'INSERT INTO miners (asset_id, make, model, client_id, paid, state, live_status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (let i = 1; i <= minerCount; i += 1) {
      const clientId = random.chance(0.7) ? random.int(1, clientCount / 10) : random.int(1, (clientCount * 4) / 5);
      miner.run(`B-${i}`, 'Bitmain', 'Antminer S21', clientId, random.chance(0.05) ? 0 : 1, 'assigned', random.pick(minerLiveStatuses), now, now);
    }
    const task = sqlite.prepare('INSERT INTO tasks (title, type, status, client_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    for (let i = 1; i <= taskCount; i += 1) task.run(`Task ${i}`, 'repair', random.pick(taskStatuses), random.int(1, clientCount), now, now);
  })();
}

function timings(db: Db, raw: Partial<Input<'clients.list'>>): { median: number; p95: number } {
  const input = contract['clients.list'].input.parse(raw);
  for (let i = 0; i < 5; i += 1) listClients(db, input); // warm the statement cache and the JIT
  const ms: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    listClients(db, input);
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return { median: round(ms[Math.floor(runs / 2)]), p95: round(ms[Math.ceil(runs * 0.95) - 1]) };
}

/** clients.list first page with miners and tasks bars, over 5,000 clients and 100,000 miners. */
export async function clientsListFirstPage(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'hashdesk-bench-'));
  const db = openDb(join(dir, 'bench.db'));
  try {
    const fillStart = performance.now();
    fill(db);
    const fillMs = Math.round(performance.now() - fillStart);
    const unfiltered = timings(db, { limit: 50 });
    const filtered = timings(db, { statuses: ['active', 'in_default'], hasMiners: true, sort: 'name', limit: 50 });
    const searched = timings(db, { search: 'company 4', sort: 'created', dir: 'desc', limit: 50 });
    const bigPage = timings(db, { sort: 'group', limit: 200 });
    return {
      clients: clientCount,
      miners: minerCount,
      fillMs,
      unfilteredMedianMs: unfiltered.median,
      unfilteredP95Ms: unfiltered.p95,
      filteredMedianMs: filtered.median,
      filteredP95Ms: filtered.p95,
      searchMedianMs: searched.median,
      searchP95Ms: searched.p95,
      page200MedianMs: bigPage.median,
      page200P95Ms: bigPage.p95,
    };
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
