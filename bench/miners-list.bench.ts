import type { Db } from '../db/open-db';
import { contract, type Input } from '../electron/contract';
import { listMiners } from '../electron/services/miners/miners.list';
import { withFilledDb } from './fixtures/bench-db';
import { minerCount } from './fixtures/fill-clients';
import { timeRuns } from './fixtures/time-runs';

const timings = (db: Db, raw: Partial<Input<'miners.list'>>, runs?: number) => {
  const input = contract['miners.list'].input.parse(raw);
  return timeRuns(() => listMiners(db, input), runs);
};

/** miners.list first page (100 rows) with filters, search and sorts, over 100,000 miners; `searched` is the search figure (target ≤ 50 ms). */
export async function minersListFirstPage(): Promise<Record<string, number>> {
  return withFilledDb((db) => {
    db.$client.exec('ANALYZE');
    const cases = {
      unfiltered: timings(db, {}),
      filtered: timings(db, { statuses: ['online', 'warning'], paid: true, siteIds: [1, 2], hashrateBelowThs: '200' }),
      client: timings(db, { clientIds: [7, 'unassigned'], sort: 'ip' }),
      searched: timings(db, { search: 'miner-4', sort: 'client', dir: 'desc' }),
      searchedOneIp: timings(db, { search: '127.60.1.17' }),
      // 111 of the 5,000 client names hold 'Client 12'; the MAC prefix is 4,096 miners'; two characters go past the trigram index.
      searchedClientName: timings(db, { search: 'Client 12' }),
      searchedMacPrefix: timings(db, { search: '02:00:00:01:8' }),
      searchedTwoCharacters: timings(db, { search: '-9' }),
      // The model every bench miner has: the worst case, every row matches.
      searchedEveryMiner: timings(db, { search: 'Antminer' }, 15),
      sortedByHashrate: timings(db, { statuses: ['offline'], sort: 'hashrate', dir: 'desc' }),
      page1000: timings(db, { states: ['assigned'], limit: 1000, offset: 50_000 }),
    };
    const figures: Record<string, number> = { miners: minerCount };
    for (const [name, { median, p95 }] of Object.entries(cases)) Object.assign(figures, { [`${name}MedianMs`]: median, [`${name}P95Ms`]: p95 });
    return figures;
  });
}
