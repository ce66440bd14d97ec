import { and, eq, inArray, isNotNull, isNull, notInArray, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { DbOrTx } from '../../../db/open-db';
import { clients, invoices } from '../../../db/schema';
import type { DefaultProposal } from '../../contract/payments';
import { localToday } from '../invoices/invoices.rows';
import { readSettingsRow } from '../settings/settings.service';
import { moneyText, openMinor } from './payments.ledger';

/**
 * The In Default proposal: a client whose oldest unpaid invoice is at least `defaultAfterDaysOverdue` days
 * past its due date, counted in the invoice's site calendar, and who is not In Default or redirected yet
 * (nor archived). A person decides: the page sets the status and redirects pools with the existing actions.
 */

/** Whole days from the due date to today in the zone: 0 on the due date, 1 the day after. */
export function daysOverdue(dueDate: string, timeZone: string, now: Date): number {
  const today = DateTime.fromISO(localToday(timeZone, now), { zone: 'UTC' });
  return Math.round(today.diff(DateTime.fromISO(dueDate, { zone: 'UTC' }), 'days').days);
}

export function defaultProposals(db: DbOrTx, now = new Date()): DefaultProposal[] {
  const threshold = readSettingsRow(db).defaultAfterDaysOverdue;
  const rows = db
    .select({ invoice: invoices, clientName: clients.name, status: clients.status })
    .from(invoices)
    .innerJoin(clients, eq(clients.id, invoices.clientId))
    .where(
      and(
        eq(invoices.kind, 'invoice'),
        isNotNull(invoices.number),
        inArray(invoices.status, ['issued', 'partially_paid']),
        sql`${invoices.totalMinor} > ${invoices.amountPaidMinor}`,
        isNull(clients.archivedAt),
        notInArray(clients.status, ['in_default', 'pool_redirected']),
      ),
    )
    .orderBy(invoices.clientId, invoices.dueDate, invoices.number)
    .all();
  const byClient = new Map<number, typeof rows>();
  for (const row of rows) byClient.set(row.invoice.clientId, [...(byClient.get(row.invoice.clientId) ?? []), row]);
  const proposals: DefaultProposal[] = [];
  for (const [clientId, open] of byClient) {
    const oldest = open[0];
    const days = daysOverdue(oldest.invoice.dueDate!, oldest.invoice.timeZone, now);
    if (days < threshold) continue;
    const owed = new Map<string, number>();
    for (const { invoice } of open) owed.set(invoice.currency, (owed.get(invoice.currency) ?? 0) + openMinor(invoice));
    proposals.push({
      clientId,
      clientName: oldest.clientName,
      status: oldest.status,
      invoiceId: oldest.invoice.id,
      invoiceNumber: oldest.invoice.number!,
      dueDate: oldest.invoice.dueDate!,
      daysOverdue: days,
      owed: [...owed].map(([currency, minor]) => ({ currency, amount: moneyText(minor, currency) })),
    });
  }
  return proposals.sort((a, b) => b.daysOverdue - a.daysOverdue || a.clientName.localeCompare(b.clientName));
}
