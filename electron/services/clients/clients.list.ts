import { and, asc, count, desc, eq, exists, inArray, isNull, not, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { containsText } from '../../../db/text-search';
import { clientGroups, clients, miners, staff, tasks } from '../../../db/schema';
import type { Contract } from '../../contract';
import { clientStatuses, type ClientStatus } from '../../contract/clients';
import type { ClientList, ClientListFilters, ClientListRow, ClientSortKey, MinersBar, TasksBar } from '../../contract/clients.list';
import type { ParsedInputOf } from '../../contract/define';
import { minerLiveStatuses } from '../../contract/miners';
import { taskStatuses } from '../../contract/tasks';
import { readSettingsRow } from '../settings/settings.service';
import { siteDayStartUtc } from '../settings/site-calendar';
import { clientHasContractInForce } from '../contracts/contracts.clients';
import { clientBalanceIn, clientOwesMoney } from '../payments/payments.balances';
import { readClientLinks } from './clients.links';

type ListInput = ParsedInputOf<Contract['clients.list']>;

/** Matches name, company, both e-mails and phone; "#12" or "12" also matches client 12. */
function searchCondition(term: string): SQL | undefined {
  if (!term) return undefined;
  const text = containsText(term, [clients.name, clients.company, clients.contactEmail, clients.billingEmail, clients.phone]);
  const idMatch = /^#?(\d{1,9})$/.exec(term);
  return idMatch ? or(eq(clients.id, Number(idMatch[1])), text) : text;
}

/** Every filter but the status one, which the status chips count across. */
function filterConditions(db: DbOrTx, f: ClientListFilters): SQL[] {
  const conditions: (SQL | undefined)[] = [searchCondition(f.search)];
  if (!f.includeArchived) conditions.push(isNull(clients.archivedAt));
  if (f.createdFrom) conditions.push(sql`${clients.createdAt} >= ${siteDayStartUtc(db, f.createdFrom)}`);
  if (f.createdTo) conditions.push(sql`${clients.createdAt} < ${siteDayStartUtc(db, f.createdTo, 1)}`);
  if (f.groupIds.length) conditions.push(inArray(clients.groupId, f.groupIds));
  if (f.managerIds.length) conditions.push(inArray(clients.managerId, f.managerIds));
  if (f.taxExempt !== null) conditions.push(eq(clients.taxExempt, f.taxExempt));
  if (f.hasMiners !== null) {
    const hasAny = exists(
      db
        .select({ one: sql`1` })
        .from(miners)
        .where(eq(miners.clientId, clients.id)),
    );
    conditions.push(f.hasMiners ? hasAny : not(hasAny));
  }
  if (f.hasContracts !== null) conditions.push(f.hasContracts ? clientHasContractInForce(clients.id) : not(clientHasContractInForce(clients.id)));
  if (f.balanceOwed !== null) conditions.push(f.balanceOwed ? clientOwesMoney(clients.id) : not(clientOwesMoney(clients.id)));
  return conditions.filter((c): c is SQL => c !== undefined);
}

const noCase = (column: SQLWrapper) => sql`${column} COLLATE NOCASE`;

/**
 * ORDER BY terms per sort key: blanks go last, and the id breaks ties so pages never overlap. The name,
 * company and country terms repeat the expressions of the sort indexes in db/schema/clients.ts, so
 * SQLite walks the index and stops after one page; change them together.
 */
function orderBy(sort: ClientSortKey, dir: 'asc' | 'desc', defaultCurrency: string): SQL[] {
  const by = dir === 'asc' ? asc : desc;
  const keys: Record<ClientSortKey, SQL[]> = {
    id: [],
    name: [by(noCase(clients.name))],
    company: [asc(sql`(${clients.company} = '')`), by(noCase(clients.company))],
    country: [asc(sql`(${clients.country} IS NULL)`), by(clients.country)],
    created: [by(clients.createdAt)],
    // Each client's balance in its own currency (the organisation's when it has none); other currencies do not count.
    balance: [by(clientBalanceIn(clients.id, sql`COALESCE(${clients.currency}, ${defaultCurrency})`))],
    group: [asc(sql`(${clientGroups.name} IS NULL)`), by(noCase(clientGroups.name))],
  };
  return [...keys[sort], by(clients.id)];
}

const emptyMinersBar = (): MinersBar => ({ ...zeroes(minerLiveStatuses), paid: 0, unpaid: 0, total: 0 });
const emptyTasksBar = (): TasksBar => ({ ...zeroes(taskStatuses), total: 0 });
function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

/** The bars of the page's clients: two grouped queries over the covering indexes, whatever the page size. */
function readBars(db: DbOrTx, ids: number[]): { minerBars: Map<number, MinersBar>; taskBars: Map<number, TasksBar> } {
  const minerBars = new Map(ids.map((id) => [id, emptyMinersBar()]));
  const taskBars = new Map(ids.map((id) => [id, emptyTasksBar()]));
  if (ids.length === 0) return { minerBars, taskBars };
  const minerCounts = db
    .select({ clientId: miners.clientId, liveStatus: miners.liveStatus, paid: miners.paid, n: count() })
    .from(miners)
    .where(inArray(miners.clientId, ids))
    .groupBy(miners.clientId, miners.liveStatus, miners.paid)
    .all();
  for (const { clientId, liveStatus, paid, n } of minerCounts) {
    const bar = minerBars.get(clientId ?? 0);
    if (!bar) continue;
    bar[liveStatus] += n;
    bar[paid ? 'paid' : 'unpaid'] += n;
    bar.total += n;
  }
  const taskCounts = db
    .select({ clientId: tasks.clientId, status: tasks.status, n: count() })
    .from(tasks)
    .where(inArray(tasks.clientId, ids))
    .groupBy(tasks.clientId, tasks.status)
    .all();
  for (const { clientId, status, n } of taskCounts) {
    const bar = taskBars.get(clientId ?? 0);
    if (!bar) continue;
    bar[status] += n;
    bar.total += n;
  }
  return { minerBars, taskBars };
}

/**
 * The rows of one page, before the bars are added (exported so a test can check its plan uses the sort indexes).
 * LEFT JOINs keep clients the outer loop, so SQLite walks a sort index; manager_id is NOT NULL anyway.
 */
export function clientPageQuery(db: DbOrTx, input: ListInput, where: SQL | undefined) {
  return db
    .select({
      id: clients.id,
      name: clients.name,
      company: clients.company,
      contactEmail: clients.contactEmail,
      billingEmail: clients.billingEmail,
      phone: clients.phone,
      messenger: clients.messenger,
      status: clients.status,
      groupId: clients.groupId,
      groupName: clientGroups.name,
      managerId: clients.managerId,
      managerName: staff.name,
      country: clients.country,
      currency: clients.currency,
      createdAt: clients.createdAt,
      archivedAt: clients.archivedAt,
    })
    .from(clients)
    .leftJoin(staff, eq(staff.id, clients.managerId))
    .leftJoin(clientGroups, eq(clientGroups.id, clients.groupId))
    .where(where)
    .orderBy(...orderBy(input.sort, input.dir, readSettingsRow(db).currency))
    .limit(input.limit)
    .offset(input.offset);
}

/** One page of the clients list with its bars, the total and the per-status counts for the filter chips. */
export function listClients(db: DbOrTx, input: ListInput): ClientList {
  const filters = filterConditions(db, input);
  const where = and(...filters, input.statuses.length ? inArray(clients.status, input.statuses) : undefined);
  const total = db.select({ n: count() }).from(clients).where(where).get()?.n ?? 0;
  const statusCounts = zeroes<ClientStatus>(clientStatuses);
  const perStatus = db
    .select({ status: clients.status, n: count() })
    .from(clients)
    .where(and(...filters))
    .groupBy(clients.status)
    .all();
  for (const { status, n } of perStatus) statusCounts[status] = n;

  const page = clientPageQuery(db, input, where).all();

  const ids = page.map((row) => row.id);
  const { minerBars, taskBars } = readBars(db, ids);
  const links = readClientLinks(db, ids);
  const defaultCurrency = readSettingsRow(db).currency;
  const rows = page.map(({ groupId, groupName, managerId, managerName, billingEmail, currency, archivedAt, ...row }): ClientListRow => ({
    ...row,
    billingEmail: billingEmail ?? row.contactEmail,
    group: groupId !== null && groupName !== null ? { id: groupId, name: groupName } : null,
    manager: { id: managerId, name: managerName ?? `Staff #${managerId}` },
    minersBar: minerBars.get(row.id) ?? emptyMinersBar(),
    tasksBar: taskBars.get(row.id) ?? emptyTasksBar(),
    billsCount: links.get(row.id)?.invoices ?? 0,
    balances: links.get(row.id)?.balances ?? [],
    currency: currency ?? defaultCurrency,
    archived: archivedAt !== null,
  }));
  return { rows, total, statusCounts };
}
