import type { Db } from '../../../db/open-db';
import { dashboardTopClients, type DashboardSummary } from '../../contract/dashboard';
import { readSettingsRow } from '../settings/settings.service';
import { billingFigures } from './dashboard.billing';
import { fleetDay, liveFleet, minersPerClient } from './dashboard.fleet';
import { activeAlerts, contractsDueForNotice, openTasks } from './dashboard.work';

/** Every figure of the dashboard, read in one transaction so the tiles agree with each other. */
export function dashboardSummary(db: Db, now = new Date()): DashboardSummary {
  return db.transaction(() => ({
    at: now.toISOString(),
    timeZone: readSettingsRow(db).timeZone,
    ...liveFleet(db),
    hashrate24h: fleetDay(db, now),
    clients: minersPerClient(db, dashboardTopClients),
    alerts: activeAlerts(db),
    tasks: openTasks(db, now),
    notice: contractsDueForNotice(db, now),
    billing: billingFigures(db, now),
  }));
}
