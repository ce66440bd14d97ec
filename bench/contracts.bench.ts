import type { Db } from '../db/open-db';
import { contract, type Input } from '../electron/contract';
import { equipmentCandidates } from '../electron/services/contracts/contracts.candidates';
import { listContracts } from '../electron/services/contracts/contracts.list';
import { withFilledDb } from './fixtures/bench-db';
import { contractCount, fillContracts } from './fixtures/fill-contracts';
import { minerCount } from './fixtures/fill-clients';
import { timeRuns } from './fixtures/time-runs';

const now = new Date('2026-03-10T12:00:00Z');

function figuresOf(cases: Record<string, { median: number; p95: number }>): Record<string, number> {
  const figures: Record<string, number> = {};
  for (const [name, { median, p95 }] of Object.entries(cases)) Object.assign(figures, { [`${name}MedianMs`]: median, [`${name}P95Ms`]: p95 });
  return figures;
}

const listing = (db: Db, raw: Partial<Input<'contracts.list'>>) => {
  const input = contract['contracts.list'].input.parse(raw);
  return timeRuns(() => listContracts(db, input, now));
};

const candidates = (db: Db, raw: Partial<Input<'contracts.equipmentCandidates'>> & { contractId: number }) => {
  const input = contract['contracts.equipmentCandidates'].input.parse(raw);
  return timeRuns(() => equipmentCandidates(db, input, now));
};

/** contracts.list first page (50 rows) with counts per status, over 20,000 contracts holding 100,000 miner periods. */
export async function contractsList(): Promise<Record<string, number>> {
  return withFilledDb((db) => {
    fillContracts(db);
    db.$client.exec('ANALYZE');
    return {
      contracts: contractCount,
      ...figuresOf({
        unfiltered: listing(db, {}),
        activeByEnd: listing(db, { status: ['active', 'expiring'], sort: 'endsAt', dir: 'asc' }),
        typeAndClient: listing(db, { type: ['hosted', 'lease'], clientId: [7, 8, 9], sort: 'client' }),
        searched: listing(db, { search: 'client 12', sort: 'reference' }),
        noticeDue: listing(db, { noticeDueWithinDays: 90, sort: 'noticeBy' }),
        deepPage: listing(db, { offset: 15_000, limit: 200, sort: 'site' }),
      }),
    };
  });
}

/** The wizard's miner step (100 rows, blocked rows, matching and contract totals) over 100,000 miners. */
export async function contractsWizardMinerStep(): Promise<Record<string, number>> {
  return withFilledDb((db) => {
    fillContracts(db);
    db.$client.exec('ANALYZE');
    const at = now.toISOString();
    const draft = (type: 'hosted' | 'lease', clientId: number) =>
      Number(
        db.$client
          .prepare(
            `INSERT INTO contracts (draft_reference, type, status, client_id, site_id, term, starts_at, ends_at, term_anchor_at, billing_method, currency, net_days, auto_renew, notice_days, created_at, updated_at)
             VALUES (?, ?, 'draft', ?, 1, '1y', ?, '2027-03-10T00:00:00.000Z', ?, 'metered', 'USD', 30, 0, 60, ?, ?)`,
          )
          .run(`DRAFT-bench-${type}`, type, clientId, at, at, at, at).lastInsertRowid,
      );
    const lease = draft('lease', 7);
    const hosted = draft('hosted', 7);
    return {
      miners: minerCount,
      ...figuresOf({
        leaseStock: candidates(db, { contractId: lease }),
        leaseStockBySite: candidates(db, { contractId: lease, siteIds: [2], sort: 'model' }),
        hostedOwn: candidates(db, { contractId: hosted }),
        stockByPower: candidates(db, { contractId: lease, sort: 'power', dir: 'desc' }),
        searched: candidates(db, { contractId: lease, search: 'miner-9' }),
      }),
    };
  });
}
