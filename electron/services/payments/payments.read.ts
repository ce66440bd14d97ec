import { and, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { inChunks } from '../../../db/chunks';
import type { DbOrTx } from '../../../db/open-db';
import { clients, invoices, paymentAllocations, paymentRefunds, payments } from '../../../db/schema';
import type { ClientBalance, Payment } from '../../contract/payments';
import { balancesOfClient } from './payments.balances';
import { moneyText, type PaymentRow } from './payments.ledger';

/** Payments as the pages show them: money as decimal text, with what each pays on which invoice and its refunds. */

function toPayments(db: DbOrTx, rows: { payment: PaymentRow; clientName: string }[]): Payment[] {
  const ids = rows.map((r) => r.payment.id);
  if (!ids.length) return [];
  const allocations = db
    .select({
      paymentId: sql<number>`${paymentAllocations.paymentId}`,
      invoiceId: paymentAllocations.invoiceId,
      invoiceNumber: invoices.number,
      amountMinor: sql<number>`SUM(${paymentAllocations.amountMinor})`,
    })
    .from(paymentAllocations)
    .innerJoin(invoices, eq(invoices.id, paymentAllocations.invoiceId))
    .where(inArray(paymentAllocations.paymentId, ids))
    .groupBy(paymentAllocations.paymentId, paymentAllocations.invoiceId)
    .orderBy(sql`MIN(${paymentAllocations.id})`)
    .all();
  const refunds = db.select().from(paymentRefunds).where(inArray(paymentRefunds.paymentId, ids)).orderBy(paymentRefunds.id).all();
  return rows.map(({ payment: p, clientName }) => {
    const money = (minor: number) => moneyText(minor, p.currency);
    const mine = allocations.filter((a) => a.paymentId === p.id && a.amountMinor !== 0);
    const refunded = refunds.filter((r) => r.paymentId === p.id);
    const allocatedMinor = mine.reduce((sum, a) => sum + a.amountMinor, 0);
    const refundedMinor = refunded.reduce((sum, r) => sum + r.amountMinor, 0);
    return {
      id: p.id,
      clientId: p.clientId,
      clientName,
      method: p.method,
      currency: p.currency,
      amount: money(p.amountMinor),
      fee: money(p.feeMinor),
      receivedOn: p.receivedOn,
      reference: p.reference,
      note: p.note,
      createdAt: p.createdAt,
      allocated: money(allocatedMinor),
      refunded: money(refundedMinor),
      unallocated: money(p.amountMinor - allocatedMinor - refundedMinor),
      allocations: mine.map((a) => ({ invoiceId: a.invoiceId, invoiceNumber: a.invoiceNumber, amount: money(a.amountMinor) })),
      refunds: refunded.map((r) => ({ id: r.id, amount: money(r.amountMinor), reason: r.reason, refundedOn: r.refundedOn })),
    };
  });
}

const paymentRows = (db: DbOrTx) =>
  db.select({ payment: payments, clientName: clients.name }).from(payments).innerJoin(clients, eq(clients.id, payments.clientId));

/** Payments newest received first, of one client or all, received from/to (inclusive dates, site calendar). */
export function listPayments(db: DbOrTx, input: { clientId?: number; from?: string; to?: string }): Payment[] {
  const rows = paymentRows(db)
    .where(
      and(
        input.clientId ? eq(payments.clientId, input.clientId) : undefined,
        input.from ? gte(payments.receivedOn, input.from) : undefined,
        input.to ? lte(payments.receivedOn, input.to) : undefined,
      ),
    )
    .orderBy(desc(payments.receivedOn), desc(payments.id))
    .all();
  return toPayments(db, rows);
}

export function getPayment(db: DbOrTx, id: number): Payment {
  return toPayments(db, paymentRows(db).where(eq(payments.id, id)).all())[0];
}

/** The journal's closing figures: per currency, as money text. */
export function clientBalances(db: DbOrTx, clientId: number): ClientBalance[] {
  return balancesOfClient(db, clientId).map((b) => ({
    currency: b.currency,
    owed: moneyText(b.owedMinor, b.currency),
    credit: moneyText(b.creditMinor, b.currency),
    balance: moneyText(b.balanceMinor, b.currency),
  }));
}

/** Per client: how many payments it made. */
export function paymentCountsOfClients(db: DbOrTx, clientIds: readonly number[]): Map<number, number> {
  const counts = new Map(clientIds.map((id) => [id, 0]));
  for (const chunk of inChunks(clientIds)) {
    const rows = db
      .select({ clientId: payments.clientId, n: sql<number>`count(*)` })
      .from(payments)
      .where(inArray(payments.clientId, chunk))
      .groupBy(payments.clientId)
      .all();
    for (const r of rows) counts.set(r.clientId, r.n);
  }
  return counts;
}
