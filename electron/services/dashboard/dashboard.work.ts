import { prepared } from '../../../db/bulk';
import type { Db } from '../../../db/open-db';
import { contract } from '../../contract';
import { alertKinds, type AlertKind } from '../../contract/alerts.vocab';
import { dashboardNoticeDays, dashboardNoticeShown, type DashboardSummary } from '../../contract/dashboard';
import { isClosedTaskStatus, taskStatuses, type TaskStatus } from '../../contract/tasks';
import { listContracts } from '../contracts/contracts.list';
import { siteToday } from '../settings/site-calendar';
import { type ClientScope, clientScopeSqlText } from '../client-scope/client-scope';

// Unresolved alerts only: the partial index of unresolved alerts answers without reading the resolved history.
const ACTIVE_ALERTS = (and: string) =>
  `SELECT kind, COUNT(*) AS n, SUM(acknowledged_at IS NULL) AS unacknowledged FROM alerts WHERE resolved_at IS NULL${and} GROUP BY kind`;

/**
 * Alerts still firing (open or acknowledged), by kind, and how many nobody has acknowledged yet; for a scoped caller,
 * those of their clients and the facility's own, as the Alerts page lists them.
 */
export function activeAlerts(db: Db, scope: ClientScope = null): DashboardSummary['alerts'] {
  const byKind = Object.fromEntries(alertKinds.map((kind) => [kind, 0])) as Record<AlertKind, number>;
  let unacknowledged = 0;
  const { and, params } = clientScopeSqlText(scope, 'client_id', true);
  for (const row of prepared(db.$client, ACTIVE_ALERTS(and)).all(...params) as { kind: AlertKind; n: number; unacknowledged: number }[]) {
    byKind[row.kind] = row.n;
    unacknowledged += row.unacknowledged;
  }
  return { active: Object.values(byKind).reduce((sum, n) => sum + n, 0), unacknowledged, byKind };
}

export const openTaskStatuses: readonly TaskStatus[] = taskStatuses.filter((status) => !isClosedTaskStatus(status));

// Read from the (status, due date) index alone; a task without a due date is never overdue (NULL < today is not true).
const OPEN_TASKS = (and: string) => `SELECT status, COUNT(*) AS n, SUM(due_date < ?) AS overdue FROM tasks
  WHERE status IN (${openTaskStatuses.map(() => '?').join(', ')})${and} GROUP BY status`;

/**
 * Tasks still to do per status and those past their due date, as the Tasks page counts them (today in the site
 * calendar, and for a scoped caller the facility's tasks and their clients').
 */
export function openTasks(db: Db, now: Date, scope: ClientScope = null): DashboardSummary['tasks'] {
  const byStatus: Partial<Record<TaskStatus, number>> = Object.fromEntries(openTaskStatuses.map((status) => [status, 0]));
  let open = 0;
  let overdue = 0;
  const { and, params } = clientScopeSqlText(scope, 'client_id', true);
  for (const row of prepared(db.$client, OPEN_TASKS(and)).all(siteToday(db, now), ...openTaskStatuses, ...params) as {
    status: TaskStatus;
    n: number;
    overdue: number | null;
  }[]) {
    byStatus[row.status] = row.n;
    open += row.n;
    overdue += row.overdue ?? 0;
  }
  return { open, overdue, byStatus };
}

/** The Contracts page's renewal queue over the dashboard's window: how many, and the soonest by name (of the caller's clients). */
export function contractsDueForNotice(db: Db, now: Date, scope: ClientScope = null): DashboardSummary['notice'] {
  const input = contract['contracts.list'].input.parse({
    noticeDueWithinDays: dashboardNoticeDays,
    sort: 'noticeBy',
    dir: 'asc',
    limit: dashboardNoticeShown,
  });
  const { rows, total } = listContracts(db, input, now, scope);
  return {
    withinDays: dashboardNoticeDays,
    count: total,
    first: rows.map(({ id, reference, status, client, timeZone, endsAt, noticeBy, autoRenew }) => ({
      id,
      reference,
      status,
      client,
      timeZone,
      endsAt,
      noticeBy,
      autoRenew,
    })),
  };
}
