import { and, eq, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Db } from '../../../db/open-db';
import { contract } from '../../contract';
import { contracts, invoices } from '../../../db/schema';
import { generateClientInvoices } from '../invoices/invoices.generate';
import { issueInvoice } from '../invoices/invoices.lifecycle';
import { moneyText } from '../payments/payments.ledger';
import { recordPayment } from '../payments/payments.record';
import { readSettingsRow } from '../settings/settings.service';
import type { StoryClock } from './demo.clock';

/**
 * Invoices of the last three months through the real batch, as if run on the 2nd of each following month:
 * the two older months issued, most of them paid a few weeks later; last month's issued for half the
 * clients and left as drafts for the others; clients In Default get held invoices. Seeded after contracts.
 * Paid invoices are paid by a bank transfer recorded through the payments service.
 */
export function seedDemoInvoices(db: Db, actor: string, clock: StoryClock): { invoices: number } {
  const zone = readSettingsRow(db).timeZone;
  const thisMonth = DateTime.now().setZone(zone).startOf('month');
  const clientIds = db
    .selectDistinct({ id: contracts.clientId })
    .from(contracts)
    .where(sql`${contracts.status} <> 'draft'`)
    .orderBy(contracts.clientId)
    .all()
    .map((r) => r.id);
  for (const back of [3, 2, 1]) {
    const month = thisMonth.minus({ months: back });
    const runOn = month.plus({ months: 1, days: 1, hours: 10 }).toJSDate();
    clock.set(runOn);
    clientIds.forEach((clientId, i) => {
      const issue = back > 1 || i % 2 === 0;
      const made = generateClientInvoices(db, clientId, month.toFormat('yyyy-MM'), { skipExisting: false, issue: false }, actor, runOn);
      if (!issue) return;
      for (const id of made.invoiceIds) {
        const row = db.select().from(invoices).where(eq(invoices.id, id)).get()!;
        if (row.status === 'held') continue;
        issueInvoice(db, id, actor, runOn);
        if (back > 1 && i % 5 !== 3) {
          const paidOn = month.plus({ months: 1, days: 20 }).toJSDate();
          clock.set(paidOn);
          markPaid(db, id, paidOn, actor);
          clock.set(runOn);
        }
      }
    });
  }
  return {
    invoices:
      db
        .select({ n: sql<number>`count(*)` })
        .from(invoices)
        .get()?.n ?? 0,
  };
}

/** The client pays the invoice in full by bank transfer on `at`, through the real payments service. */
function markPaid(db: Db, id: number, at: Date, actor: string): void {
  const row = db
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, id), eq(invoices.status, 'issued')))
    .get();
  if (!row) return;
  const amount = moneyText(row.totalMinor, row.currency);
  const input = contract['payments.record'].input.parse({
    clientId: row.clientId,
    method: 'bank_transfer',
    amount,
    currency: row.currency,
    receivedAt: DateTime.fromJSDate(at).setZone(row.timeZone).toISODate(),
    reference: `${row.number}`,
    allocate: [{ invoiceId: id, amount }],
  });
  recordPayment(db, input, actor, at);
}
