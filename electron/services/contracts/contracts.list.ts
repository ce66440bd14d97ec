import { and, asc, count, desc, eq, inArray, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { type ClientScope, clientScopeCondition } from '../client-scope/client-scope';
import type { DbOrTx } from '../../../db/open-db';
import { containsText } from '../../../db/text-search';
import { clients, contracts, sites } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { ContractList } from '../../contract/contracts';
import { contractStatuses, type ContractSortKey, type ContractStatus } from '../../contract/contracts.vocab';
import type { ParsedInputOf } from '../../contract/define';
import { readSettingsRow } from '../settings/settings.service';
import { equipmentSummaries, readListSources, toContractListRow } from './contracts.read';

type ListInput = ParsedInputOf<Contract['contracts.list']>;

const inForce = inArray(contracts.status, ['active', 'expiring']);
const daysAfter = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();

/** Number, draft reference, client or site name, any case. */
function searchCondition(term: string): SQL | undefined {
  const own = containsText(term, [contracts.number, contracts.draftReference]);
  if (!own) return undefined;
  const clientName = containsText(term, [clients.name, clients.company])!;
  const siteName = containsText(term, [sites.name])!;
  return or(
    own,
    sql`${contracts.clientId} IN (SELECT ${clients.id} FROM ${clients} WHERE ${clientName})`,
    sql`${contracts.siteId} IN (SELECT ${sites.id} FROM ${sites} WHERE ${siteName})`,
  );
}

/** Every filter but the status one, which the counts per status are taken across. */
function filterConditions(f: ListInput, now: Date): SQL[] {
  const conditions: (SQL | undefined)[] = [searchCondition(f.search)];
  if (f.type.length) conditions.push(inArray(contracts.type, f.type));
  if (f.clientId.length) conditions.push(inArray(contracts.clientId, f.clientId));
  if (f.siteId.length) conditions.push(inArray(contracts.siteId, f.siteId));
  if (f.expiringWithinDays !== null) conditions.push(and(inForce, sql`${contracts.endsAt} <= ${daysAfter(now, f.expiringWithinDays)}`));
  if (f.noticeDueWithinDays !== null) conditions.push(and(inForce, sql`${contracts.noticeBy} <= ${daysAfter(now, f.noticeDueWithinDays)}`));
  return conditions.filter((c): c is SQL => c !== undefined);
}

const noCase = (column: SQLWrapper) => sql`${column} COLLATE NOCASE`;

function orderBy(sort: ContractSortKey, dir: 'asc' | 'desc'): SQL[] {
  const by = dir === 'asc' ? asc : desc;
  const keys: Record<ContractSortKey, SQL[]> = {
    id: [],
    reference: [asc(sql`(${contracts.number} IS NULL)`), by(contracts.number), by(contracts.draftReference)],
    client: [by(noCase(clients.name))],
    site: [by(noCase(sites.name))],
    type: [by(contracts.type)],
    status: [by(contracts.status)],
    startsAt: [by(contracts.startsAt)],
    endsAt: [by(contracts.endsAt)],
    noticeBy: [by(contracts.noticeBy)],
    created: [by(contracts.createdAt)],
  };
  return [...keys[sort], by(contracts.id)];
}

/**
 * One page of contracts with the total and the counts per status (ignoring the status filter); only those of the
 * clients in `scope` (a caller who sees only the clients they manage).
 */
export function listContracts(db: DbOrTx, input: ListInput, now = new Date(), scope: ClientScope = null): ContractList {
  const inScope = clientScopeCondition(scope, contracts.clientId);
  const filters = inScope ? [...filterConditions(input, now), inScope] : filterConditions(input, now);
  const statusCounts = Object.fromEntries(contractStatuses.map((s) => [s, 0])) as Record<ContractStatus, number>;
  for (const { status, n } of db
    .select({ status: contracts.status, n: count() })
    .from(contracts)
    .where(and(...filters))
    // With other filters, grouping by an expression keeps SQLite from walking the status index and looking up
    // every row it names (three times slower than reading the table once); unfiltered, the index alone answers.
    .groupBy(filters.length ? sql`${contracts.status} || ''` : contracts.status)
    .all()) {
    statusCounts[status] = n;
  }
  const counted: readonly ContractStatus[] = input.status.length ? input.status : contractStatuses;
  const total = counted.reduce((sum, status) => sum + statusCounts[status], 0);
  // Joined only to the table the sort reads, so other sorts walk the contracts alone.
  const query = db.select({ id: contracts.id }).from(contracts).$dynamic();
  const sorted =
    input.sort === 'client'
      ? query.innerJoin(clients, eq(clients.id, contracts.clientId))
      : input.sort === 'site'
        ? query.innerJoin(sites, eq(sites.id, contracts.siteId))
        : query;
  const ids = sorted
    .where(and(...filters, input.status.length ? inArray(contracts.status, input.status) : undefined))
    .orderBy(...orderBy(input.sort, input.dir))
    .limit(input.limit)
    .offset(input.offset)
    .all()
    .map((r) => r.id);
  if (!ids.length) return { rows: [], total, statusCounts };
  const sources = new Map(readListSources(db, inArray(contracts.id, ids)).map((s) => [s.id, s]));
  const summaries = equipmentSummaries(db, ids, now.toISOString());
  const zone = readSettingsRow(db).timeZone;
  return { rows: ids.map((id) => toContractListRow(sources.get(id)!, zone, summaries.get(id)!)), total, statusCounts };
}
