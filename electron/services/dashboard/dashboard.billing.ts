import { DateTime } from 'luxon';
import { prepared } from '../../../db/bulk';
import type { Db } from '../../../db/open-db';
import type { DashboardMoney, DashboardSummary } from '../../contract/dashboard';
import { invoiceOpenStatuses, invoiceStoredStatuses } from '../../contract/invoices.vocab';
import { amountDueMinor } from '../invoices/invoices.read';
import { reportedStatus, type InvoiceRow } from '../invoices/invoices.rows';
import { readSettingsRow } from '../settings/settings.service';
import { type ClientScope, clientScopeSqlText } from '../client-scope/client-scope';

/** Stored statuses of an invoice or credit note that was issued and stands, paid or not: what a month's revenue counts. */
const standing = invoiceStoredStatuses.filter((status) => status !== 'draft' && status !== 'held' && status !== 'void');

// Read through the (period, status) index: a month's issued invoices without building each one's summary.
const REVENUE = (and: string) => `SELECT currency, COUNT(*) AS count, SUM(total_minor) AS amountMinor FROM invoices
  WHERE period = ? AND status IN (${standing.map(() => '?').join(', ')})${and} GROUP BY currency`;

const largestFirst = (a: DashboardMoney, b: DashboardMoney) => b.amountMinor - a.amountMinor || a.currency.localeCompare(b.currency);

/** A scoped caller's figures are their clients' invoices only (every invoice has a client). */
const invoicesInSight = (scope: ClientScope) => clientScopeSqlText(scope, 'client_id', false);

function revenueOf(db: Db, period: string, scope: ClientScope): DashboardMoney[] {
  const { and, params } = invoicesInSight(scope);
  return (prepared(db.$client, REVENUE(and)).all(period, ...standing, ...params) as DashboardMoney[]).sort(largestFirst);
}

// Invoices still owing and due before the latest calendar date anywhere on Earth: only those can be overdue. Grouped
// by what decides it (status, kind, due date, zone), so the invoices service's own reading runs once per group; what
// is owed is linear in the totals and the amounts paid, so the group's sums stand for its invoices. A range of
// invoices_status_due_idx per open status (db/query-plans.test.ts).
export const owingGroupsSql = (and = '') => `SELECT status, kind, due_date AS dueDate, time_zone AS timeZone, currency, COUNT(*) AS count,
    SUM(total_minor) AS totalMinor, SUM(amount_paid_minor) AS amountPaidMinor
  FROM invoices WHERE status IN (${invoiceOpenStatuses.map(() => '?').join(', ')}) AND kind = 'invoice' AND due_date < ?${and}
  GROUP BY status, kind, due_date, time_zone, currency`;

type OwingGroup = Pick<InvoiceRow, 'status' | 'kind' | 'dueDate' | 'timeZone' | 'currency' | 'totalMinor' | 'amountPaidMinor'> & { count: number };

/** The invoices the invoices service reports overdue, with what is still owed on them, per currency. */
function overdueOf(db: Db, now: Date, scope: ClientScope): DashboardMoney[] {
  const latestToday = new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
  const sums = new Map<string, DashboardMoney>();
  const { and, params } = invoicesInSight(scope);
  for (const group of prepared(db.$client, owingGroupsSql(and)).all(...invoiceOpenStatuses, latestToday, ...params) as OwingGroup[]) {
    if (reportedStatus(group, now) !== 'overdue') continue;
    const entry = sums.get(group.currency) ?? { currency: group.currency, count: 0, amountMinor: 0 };
    entry.count += group.count;
    entry.amountMinor += amountDueMinor(group);
    sums.set(group.currency, entry);
  }
  return [...sums.values()].sort(largestFirst);
}

/**
 * This month's and last month's revenue (the organisation's calendar) and the overdue invoices with what they still
 * owe, per currency; of a scoped caller's clients only.
 */
export function billingFigures(db: Db, now: Date, scope: ClientScope = null): DashboardSummary['billing'] {
  const month = DateTime.fromJSDate(now).setZone(readSettingsRow(db).timeZone).startOf('month');
  const period = month.toFormat('yyyy-MM');
  const previousPeriod = month.minus({ months: 1 }).toFormat('yyyy-MM');
  return {
    period,
    revenue: revenueOf(db, period, scope),
    previousPeriod,
    previousRevenue: revenueOf(db, previousPeriod, scope),
    overdue: overdueOf(db, now, scope),
  };
}
