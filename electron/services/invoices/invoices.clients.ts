import { and, eq, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { invoices } from '../../../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { ClientRow } from '../clients/clients.guards';

/**
 * What the clients domain reads of invoices: counts for the list, detail, archive and merge rules (the
 * balances per currency, credit counted, are payments.balances').
 */

export type InvoiceFigures = { invoices: number; unpaidInvoices: number };

const owing = sql`${invoices.status} IN ('issued', 'partially_paid')`;

export function invoiceFiguresOfClients(db: DbOrTx, clientIds: readonly number[]): Map<number, InvoiceFigures> {
  const figures = new Map(clientIds.map((id) => [id, { invoices: 0, unpaidInvoices: 0 }]));
  if (!clientIds.length) return figures;
  const rows = db
    .select({
      clientId: invoices.clientId,
      invoices: sql<number>`SUM(${invoices.kind} = 'invoice' AND ${invoices.status} <> 'void')`,
      unpaid: sql<number>`SUM(${invoices.kind} = 'invoice' AND ${owing})`,
    })
    .from(invoices)
    .where(and(isNotNull(invoices.number), sql`${invoices.clientId} IN (${sql.raw(clientIds.map((id) => Math.trunc(id)).join(', '))})`))
    .groupBy(invoices.clientId)
    .all();
  for (const r of rows) figures.set(r.clientId, { invoices: r.invoices ?? 0, unpaidInvoices: r.unpaid ?? 0 });
  return figures;
}

/** Draft and held invoices of a client: what a merge moves (issued ones stay, see moveDraftInvoicesToClient). */
export function countUnissuedInvoices(db: DbOrTx, clientId: number): number {
  return countWhere(db, and(eq(invoices.clientId, clientId), isNull(invoices.number), ne(invoices.status, 'void')));
}

export function countIssuedInvoices(db: DbOrTx, clientId: number): number {
  return countWhere(db, and(eq(invoices.clientId, clientId), isNotNull(invoices.number)));
}

const countWhere = (db: DbOrTx, where: SQL | undefined): number =>
  db
    .select({ n: sql<number>`count(*)` })
    .from(invoices)
    .where(where)
    .get()?.n ?? 0;

/**
 * The merge rule: draft and held invoices move to the survivor (they are recomputed and addressed anew at
 * issue); issued invoices and credit notes stay with the archived client, because they are immutable
 * records of whom the facility billed, and the batch never bills their contract and month again.
 */
export function moveDraftInvoicesToClient(tx: DbOrTx, source: ClientRow, survivor: ClientRow, actor: string): void {
  const moved = tx
    .update(invoices)
    .set({ clientId: survivor.id, updatedAt: new Date().toISOString() })
    .where(and(eq(invoices.clientId, source.id), isNull(invoices.number), ne(invoices.status, 'void')))
    .returning({ id: invoices.id })
    .all();
  for (const { id } of moved) {
    recordAudit(tx, {
      actor,
      action: 'invoice.moved',
      entity: 'invoice',
      entityId: id,
      clientId: survivor.id,
      before: { clientId: source.id },
      after: { clientId: survivor.id },
    });
  }
}
