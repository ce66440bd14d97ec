import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../db/open-db';
import { contract, type Input } from '../electron/contract';
import { listClients } from '../electron/services/clients/clients.list';
import { clientCount, fillClientsAndMiners, minerCount } from './fixtures/fill-clients';
import { timeRuns } from './fixtures/time-runs';

function timings(db: Db, raw: Partial<Input<'clients.list'>>): { median: number; p95: number } {
  const input = contract['clients.list'].input.parse(raw);
  return timeRuns(() => listClients(db, input));
}

/** clients.list first page with miners and tasks bars, over 5,000 clients and 100,000 miners. */
export async function clientsListFirstPage(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'hashdesk-bench-'));
  const db = openDb(join(dir, 'bench.db'));
  try {
    const fillStart = performance.now();
    fillClientsAndMiners(db);
    const fillMs = Math.round(performance.now() - fillStart);
    const unfiltered = timings(db, { limit: 50 });
    const filtered = timings(db, { statuses: ['active', 'in_default'], hasMiners: true, sort: 'name', limit: 50 });
    const searched = timings(db, { search: 'company 4', sort: 'created', dir: 'desc', limit: 50 });
    const bigPage = timings(db, { sort: 'group', limit: 200 });
    const byBalance = timings(db, { sort: 'balance', dir: 'desc', limit: 50 });
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
      balanceSortMedianMs: byBalance.median,
      balanceSortP95Ms: byBalance.p95,
    };
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
