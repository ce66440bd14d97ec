import { and, inArray, isNotNull, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { inChunks } from '../../../db/chunks';
import type { DbOrTx } from '../../../db/open-db';
import { invoices, payments } from '../../../db/schema';
import type { CurrencyBalance } from '../../contract/clients';
import { invoiceOpenStatuses } from '../../contract/invoices.vocab';
import { unallocatedOf } from './payments.credit';

/**
 * The one place that sums a client's money now: per currency (amounts of different currencies are never added),
 * what its issued invoices and credit notes still owe, its unallocated credit, and owed − credit. The journal
 * sums the same movements over time (payments.journal.ts).
 */

const owing = inArray(invoices.status, [...invoiceOpenStatuses]);

/** Per client, its balances in each currency where something is owed or in credit, by currency code. */
export function balancesOfClients(db: DbOrTx, clientIds: readonly number[]): Map<number, CurrencyBalance[]> {
  const sums = new Map<number, Map<string, { owedMinor: number; creditMinor: number }>>(clientIds.map((id) => [id, new Map()]));
  const entry = (clientId: number, currency: string) => {
    const byCurrency = sums.get(clientId)!;
    return byCurrency.get(currency) ?? byCurrency.set(currency, { owedMinor: 0, creditMinor: 0 }).get(currency)!;
  };
  for (const chunk of inChunks(clientIds)) {
    const owed = db
      .select({ clientId: invoices.clientId, currency: invoices.currency, minor: sql<number>`SUM(${invoices.totalMinor} - ${invoices.amountPaidMinor})` })
      .from(invoices)
      .where(and(inArray(invoices.clientId, chunk), isNotNull(invoices.number), owing))
      .groupBy(invoices.clientId, invoices.currency)
      .all();
    for (const r of owed) entry(r.clientId, r.currency).owedMinor += r.minor;
    const credit = db
      .select({ clientId: payments.clientId, currency: payments.currency, minor: sql<number>`SUM(${unallocatedOf})` })
      .from(payments)
      .where(inArray(payments.clientId, chunk))
      .groupBy(payments.clientId, payments.currency)
      .all();
    for (const r of credit) entry(r.clientId, r.currency).creditMinor += r.minor;
  }
  return new Map(
    [...sums].map(([clientId, byCurrency]) => [
      clientId,
      [...byCurrency]
        .filter(([, m]) => m.owedMinor !== 0 || m.creditMinor !== 0)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([currency, m]) => ({ currency, ...m, balanceMinor: m.owedMinor - m.creditMinor })),
    ]),
  );
}

/** One client's balances per currency. */
export const balancesOfClient = (db: DbOrTx, clientId: number): CurrencyBalance[] => balancesOfClients(db, [clientId]).get(clientId) ?? [];

/** SQL fragments of the two filters below: a client's issued invoices still open, what they owe, its credit in a currency. */
const issuedOpenOf = (clientId: SQLWrapper) => sql`${invoices.clientId} = ${clientId} AND ${invoices.number} IS NOT NULL AND ${owing}`;
const stillOwed = sql`SUM(${invoices.totalMinor} - ${invoices.amountPaidMinor})`;
const creditIn = (clientId: SQLWrapper, currency: SQLWrapper) =>
  sql`(SELECT COALESCE(SUM(${unallocatedOf}), 0) FROM ${payments} WHERE ${payments.clientId} = ${clientId} AND ${payments.currency} = ${currency})`;

/**
 * SQL true when the client (a column holding its id) owes money in some currency once its unallocated credit in
 * that currency is counted: a client whose credit covers its open invoices does not owe.
 */
export function clientOwesMoney(clientId: SQLWrapper): SQL {
  return sql`EXISTS (SELECT 1 FROM ${invoices} WHERE ${issuedOpenOf(clientId)}
    GROUP BY ${invoices.currency} HAVING ${stillOwed} > ${creditIn(clientId, invoices.currency)})`;
}

/**
 * SQL for a client's balance (owed − unallocated credit, minor units) in one currency: the clients list sorts
 * by it in each client's own currency, the figure its balance column shows first.
 */
export function clientBalanceIn(clientId: SQLWrapper, currency: SQLWrapper): SQL {
  return sql`((SELECT COALESCE(${stillOwed}, 0) FROM ${invoices} WHERE ${issuedOpenOf(clientId)} AND ${invoices.currency} = ${currency})
    - ${creditIn(clientId, currency)})`;
}
