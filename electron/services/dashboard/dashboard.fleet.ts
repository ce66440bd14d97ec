import { prepared } from '../../../db/bulk';
import type { Db } from '../../../db/open-db';
import type { DashboardClientShare, DashboardHour, DashboardSite, DashboardSummary } from '../../contract/dashboard';
import { minerLiveStatuses, type MinerLiveStatus } from '../../contract/miners';
import { hourOf } from '../telemetry/telemetry.rollups';
import { isoAt } from '../telemetry/telemetry.buckets';
import { type ClientScope, clientScopeSqlText } from '../client-scope/client-scope';

// Counted in the status index's order, as the Miners table's counts are, so each tile matches its filtered list.
const STATUS_COUNTS = (and: string) => `SELECT live_status AS status, COUNT(*) AS n FROM miners${whereOf(and)} GROUP BY live_status`;

// Live figures are the latest readings of miners that answered their last poll: a retired or silent miner's
// last reading is history, not what the floor draws now. Power is what telemetry resolved (miner, PDU or nameplate).
// The readings are walked in their own order and each miner looked up by id (CROSS JOIN keeps that order): a
// third less work than walking the miners by site and looking up each one's reading.
const LIVE_BY_SITE = (and: string) => `SELECT m.site_id AS siteId, COUNT(*) AS answering, SUM(l.hashrate_ghs) AS hashrateGhs, SUM(l.power_w) AS powerW
  FROM miner_latest l CROSS JOIN miners m ON m.id = l.miner_id WHERE m.live_status IN ('online', 'warning')${and} GROUP BY m.site_id`;
// Read from the site index alone.
const MINERS_BY_SITE = (and: string) => `SELECT site_id AS siteId, COUNT(*) AS miners FROM miners${whereOf(and)} GROUP BY site_id`;

const SITE_NAMES = 'SELECT id, name FROM sites';

const FLEET_HOURS = `SELECT hour, SUM(hashrate_ghs) AS hashrateGhs, SUM(power_w) AS powerW, SUM(miners_answering) AS minersAnswering
  FROM fleet_hourly WHERE hour >= ? AND hour <= ? GROUP BY hour`;
// The fleet's rollup sums every client's miners: a caller who sees only their clients' reads the rollup by client,
// theirs and the facility's own (client 0), a few rows per client and hour.
export const CLIENT_HOURS = `SELECT hour, SUM(hashrate_ghs) AS hashrateGhs, SUM(power_w) AS powerW, SUM(miners_answering) AS minersAnswering
  FROM client_hourly WHERE client_id IN (SELECT 0 UNION ALL SELECT id FROM clients WHERE manager_id = ?) AND hour >= ? AND hour <= ? GROUP BY hour`;

// Read in the client index's order (no table rows); the largest holders are named, the rest summed.
const MINERS_PER_CLIENT = (and: string) => `SELECT client_id AS clientId, COUNT(*) AS miners FROM miners WHERE client_id IS NOT NULL${and} GROUP BY client_id`;
const UNASSIGNED = 'SELECT COUNT(*) FROM miners WHERE client_id IS NULL';

/** ` AND (…)` of clientScopeSqlText as a WHERE clause of its own. */
const whereOf = (and: string) => (and ? ` WHERE${and.slice(' AND'.length)}` : '');

/** The miners a caller sees, for the queries above: every one, or their clients' and those of no client. */
const minerRowsInSight = (scope: ClientScope, column = 'client_id') => clientScopeSqlText(scope, column, true);

type SiteRow = { siteId: number | null; miners: number; answering: number; hashrateGhs: number; powerW: number };

/**
 * Miners by live status, the live hashrate and power of the fleet and of each site (sites with no miner show zeros),
 * over the miners the caller sees (`scope`).
 */
export function liveFleet(db: Db, scope: ClientScope = null): Pick<DashboardSummary, 'fleet' | 'sites'> {
  const sqlite = db.$client;
  const { and, params } = minerRowsInSight(scope);
  const statusCounts = Object.fromEntries(minerLiveStatuses.map((s) => [s, 0])) as Record<MinerLiveStatus, number>;
  for (const { status, n } of prepared(sqlite, STATUS_COUNTS(and)).all(...params) as { status: MinerLiveStatus; n: number }[]) statusCounts[status] = n;
  const bySite = new Map<number | null, SiteRow>();
  for (const { siteId, miners } of prepared(sqlite, MINERS_BY_SITE(and)).all(...params) as { siteId: number | null; miners: number }[]) {
    bySite.set(siteId, { siteId, miners, answering: 0, hashrateGhs: 0, powerW: 0 });
  }
  const seen = minerRowsInSight(scope, 'm.client_id');
  for (const live of prepared(sqlite, LIVE_BY_SITE(seen.and)).all(...seen.params) as Omit<SiteRow, 'miners'>[]) {
    const site = bySite.get(live.siteId)!;
    Object.assign(site, { answering: live.answering, hashrateGhs: live.hashrateGhs ?? 0, powerW: live.powerW ?? 0 });
  }
  const names = prepared(sqlite, SITE_NAMES).all() as { id: number; name: string }[];
  const empty = { miners: 0, answering: 0, hashrateGhs: 0, powerW: 0 };
  const sites: DashboardSite[] = names.map(({ id, name }) => ({ ...empty, ...bySite.get(id), siteId: id, name }));
  const unplaced = bySite.get(null);
  if (unplaced) sites.push({ ...unplaced, name: 'No site' });
  sites.sort((a, b) => b.powerW - a.powerW || b.miners - a.miners || a.name.localeCompare(b.name));
  const sum = (key: 'miners' | 'answering' | 'hashrateGhs' | 'powerW') => sites.reduce((total, site) => total + site[key], 0);
  return {
    fleet: { miners: sum('miners'), statusCounts, hashrateGhs: sum('hashrateGhs'), powerW: sum('powerW'), answering: sum('answering') },
    sites,
  };
}

/**
 * 24 points, one per UTC hour up to `now`'s (which is still filling), from the fleet's hourly rollup (or, for a
 * scoped caller, the rollup of their clients and of the miners of no client); hours without data read null.
 */
export function fleetDay(db: Db, now: Date, scope: ClientScope = null): DashboardHour[] {
  const lastS = hourOf(Math.floor(now.getTime() / 1000));
  const firstS = lastS - 23 * 3600;
  const rows = (
    scope
      ? prepared(db.$client, CLIENT_HOURS).all(scope.managerId, isoAt(firstS), isoAt(lastS))
      : prepared(db.$client, FLEET_HOURS).all(isoAt(firstS), isoAt(lastS))
  ) as DashboardHour[];
  const byHour = new Map(rows.map((row) => [row.hour, row]));
  const hours: DashboardHour[] = [];
  for (let s = firstS; s <= lastS; s += 3600) {
    const hour = isoAt(s);
    hours.push(byHour.get(hour) ?? { hour, hashrateGhs: null, powerW: null, minersAnswering: 0 });
  }
  return hours;
}

/**
 * The `top` clients holding most miners (ties: the older client first), the others summed, and the miners of no
 * client; of a scoped caller's clients only.
 */
export function minersPerClient(db: Db, top: number, scope: ClientScope = null): DashboardSummary['clients'] {
  const sqlite = db.$client;
  const { and, params } = clientScopeSqlText(scope, 'client_id', false);
  const counts = prepared(sqlite, MINERS_PER_CLIENT(and)).all(...params) as { clientId: number; miners: number }[];
  counts.sort((a, b) => b.miners - a.miners || a.clientId - b.clientId);
  const named = counts.slice(0, top);
  const rest = counts.slice(top);
  const names = new Map<number, string>();
  if (named.length) {
    const rows = sqlite.prepare(`SELECT id, name FROM clients WHERE id IN (${named.map(() => '?').join(', ')})`).all(...named.map((c) => c.clientId));
    for (const row of rows as { id: number; name: string }[]) names.set(row.id, row.name);
  }
  const shares: DashboardClientShare[] = named.map((c) => ({ ...c, name: names.get(c.clientId) ?? `Client #${c.clientId}` }));
  return {
    top: shares,
    others: { clients: rest.length, miners: rest.reduce((sum, c) => sum + c.miners, 0) },
    unassigned: prepared(sqlite, UNASSIGNED).pluck().get() as number,
  };
}
