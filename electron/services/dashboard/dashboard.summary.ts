import type { Db } from '../../../db/open-db';
import { dashboardTopClients, type DashboardSummary } from '../../contract/dashboard';
import { readSettingsRow } from '../settings/settings.service';
import type { ClientScope } from '../client-scope/client-scope';
import { billingFigures } from './dashboard.billing';
import { fleetDay, liveFleet, minersPerClient } from './dashboard.fleet';
import { activeAlerts, contractsDueForNotice, openTasks } from './dashboard.work';

/**
 * Every figure of the dashboard, read in one transaction so the tiles agree with each other. A caller who sees only
 * the clients they manage (`scope`) gets the figures of what they see: their clients' miners and the facility's own,
 * their clients' contracts and invoices, and the alerts and tasks of both, as each tile's page lists them.
 */
export function dashboardSummary(db: Db, now = new Date(), scope: ClientScope = null): DashboardSummary {
  return db.transaction(() => ({
    at: now.toISOString(),
    timeZone: readSettingsRow(db).timeZone,
    ...liveFleet(db, scope),
    hashrate24h: fleetDay(db, now, scope),
    clients: minersPerClient(db, dashboardTopClients, scope),
    alerts: activeAlerts(db, scope),
    tasks: openTasks(db, now, scope),
    notice: contractsDueForNotice(db, now, scope),
    billing: billingFigures(db, now, scope),
  }));
}
