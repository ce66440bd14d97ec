import { and, count, desc, eq, gt, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { inIds } from '../../../db/bulk';
import { alerts, clients, contracts, miners, powerDevices, sites } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { AlertFeed, AlertList, AlertListStatus, AlertRow } from '../../contract/alerts';
import { alertStatuses, type AlertStatus } from '../../contract/alerts.vocab';
import type { ParsedInputOf } from '../../contract/define';
import { AppError } from '../../contract/errors';
import { recordAuditRows } from '../audit/record-audit';
import { type ClientScope, facilityOrInClientScope } from '../client-scope/client-scope';
import { listAlertRules } from './alerts.rules';

const statusOf = sql<AlertStatus>`CASE WHEN ${alerts.resolvedAt} IS NOT NULL THEN 'resolved' WHEN ${alerts.acknowledgedAt} IS NOT NULL THEN 'acknowledged' ELSE 'open' END`;

const statusCondition: Record<AlertListStatus, SQL | undefined> = {
  active: isNull(alerts.resolvedAt),
  open: and(isNull(alerts.resolvedAt), isNull(alerts.acknowledgedAt)),
  acknowledged: and(isNull(alerts.resolvedAt), isNotNull(alerts.acknowledgedAt)),
  resolved: isNotNull(alerts.resolvedAt),
};

const rowColumns = {
  id: alerts.id,
  kind: alerts.kind,
  status: statusOf,
  minerId: miners.id,
  assetId: miners.assetId,
  ip: miners.ip,
  minerLastSeenAt: miners.lastSeenAt,
  deviceId: powerDevices.id,
  deviceName: powerDevices.name,
  deviceKind: powerDevices.kind,
  contractId: contracts.id,
  contractReference: sql<string | null>`coalesce(${contracts.number}, ${contracts.draftReference})`,
  siteId: sites.id,
  siteName: sites.name,
  clientId: clients.id,
  clientName: clients.name,
  message: alerts.message,
  value: alerts.value,
  threshold: alerts.threshold,
  openedAt: alerts.openedAt,
  lastSeenAt: alerts.lastSeenAt,
  resolvedAt: alerts.resolvedAt,
  acknowledgedAt: alerts.acknowledgedAt,
  acknowledgedBy: alerts.acknowledgedBy,
  note: alerts.note,
};

function selectRows(db: DbOrTx) {
  return db
    .select(rowColumns)
    .from(alerts)
    .leftJoin(miners, eq(miners.id, alerts.minerId))
    .leftJoin(powerDevices, eq(powerDevices.id, alerts.powerDeviceId))
    .leftJoin(contracts, eq(contracts.id, alerts.contractId))
    .leftJoin(sites, eq(sites.id, alerts.siteId))
    .leftJoin(clients, eq(clients.id, alerts.clientId));
}

type RawRow = Awaited<ReturnType<ReturnType<typeof selectRows>['all']>>[number];

function toAlertRow(r: RawRow): AlertRow {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    miner: r.minerId === null ? null : { id: r.minerId, assetId: r.assetId!, ip: r.ip, lastSeenAt: r.minerLastSeenAt },
    powerDevice: r.deviceId === null ? null : { id: r.deviceId, name: r.deviceName!, kind: r.deviceKind! },
    contract: r.contractId === null ? null : { id: r.contractId, reference: r.contractReference! },
    site: r.siteId === null ? null : { id: r.siteId, name: r.siteName! },
    client: r.clientId === null ? null : { id: r.clientId, name: r.clientName! },
    message: r.message,
    value: r.value,
    threshold: r.threshold,
    openedAt: r.openedAt,
    lastSeenAt: r.lastSeenAt,
    resolvedAt: r.resolvedAt,
    acknowledgedAt: r.acknowledgedAt,
    acknowledgedBy: r.acknowledgedBy,
    note: r.note,
  };
}

/**
 * One page of alerts: firing ones newest first, resolved ones by when they cleared; counts per status over the other
 * filters. A caller who sees only the clients they manage (`scope`) sees their clients' alerts and the facility's own
 * (a PDU, a miner of no client).
 */
export function listAlerts(db: DbOrTx, input: ParsedInputOf<Contract['alerts.list']>, scope: ClientScope = null): AlertList {
  const filters = [
    facilityOrInClientScope(scope, alerts.clientId),
    input.kind === null ? undefined : eq(alerts.kind, input.kind),
    input.siteId === null ? undefined : eq(alerts.siteId, input.siteId),
    input.clientId === null ? undefined : eq(alerts.clientId, input.clientId),
    input.minerId === null ? undefined : eq(alerts.minerId, input.minerId),
  ];
  const where = and(...filters, statusCondition[input.status]);
  const order = input.status === 'resolved' ? [desc(alerts.resolvedAt), desc(alerts.id)] : [desc(alerts.openedAt), desc(alerts.id)];
  const rows = selectRows(db)
    .where(where)
    .orderBy(...order)
    .limit(input.limit)
    .offset(input.offset)
    .all();
  const counted = db
    .select({ status: statusOf, n: count() })
    .from(alerts)
    .where(and(...filters))
    .groupBy(statusOf)
    .all();
  const statusCounts = Object.fromEntries(alertStatuses.map((status) => [status, 0])) as Record<AlertStatus, number>;
  for (const { status, n } of counted) statusCounts[status] = n;
  const total = input.status === 'active' ? statusCounts.open + statusCounts.acknowledged : statusCounts[input.status];
  return { rows: rows.map(toAlertRow), total, statusCounts };
}

/** Marks alerts as seen, with who and an optional note; every acknowledged alert is audited. Ones already acknowledged stay as they were. */
export function acknowledgeAlerts(
  db: DbOrTx,
  input: ParsedInputOf<Contract['alerts.acknowledge']>,
  actor: string,
  now: Date,
): { acknowledged: number; alreadyAcknowledged: number } {
  const ids = [...new Set(input.ids)];
  return db.transaction((tx) => {
    const found = tx
      .select({ id: alerts.id, kind: alerts.kind, clientId: alerts.clientId, acknowledgedAt: alerts.acknowledgedAt })
      .from(alerts)
      .where(inIds(alerts.id, ids))
      .all();
    const known = new Set(found.map((row) => row.id));
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length) {
      const listed = missing.slice(0, 5).join(', ') + (missing.length > 5 ? ` and ${missing.length - 5} more` : '');
      throw new AppError('NOT_FOUND', `Alert ${listed} was not found: it may have gone with its miner or device. Reload the list and try again.`);
    }
    const pending = found.filter((row) => row.acknowledgedAt === null);
    const at = now.toISOString();
    const note = input.note || null;
    if (pending.length) {
      tx.update(alerts)
        .set({ acknowledgedAt: at, acknowledgedBy: actor, note })
        .where(
          inIds(
            alerts.id,
            pending.map((row) => row.id),
          ),
        )
        .run();
      recordAuditRows(
        tx,
        pending.map((row) => ({
          actor,
          action: 'alert.acknowledged',
          entity: 'alert',
          entityId: row.id,
          clientId: row.clientId,
          before: { acknowledgedBy: null, note: null },
          after: { acknowledgedBy: actor, note },
        })),
      );
    }
    return { acknowledged: pending.length, alreadyAcknowledged: found.length - pending.length };
  });
}

const FEED_LIMIT = 20;

/**
 * Alerts opened since afterId and still firing (the first 20, and how many in all), for notifications; those
 * returned of kinds with desktop notifications on get their notifiedAt. With afterId null (a window just opened) nothing is returned: only the ids after now count.
 * A scoped caller (`scope`) hears of their clients' alerts and the facility's own only.
 */
export function alertFeed(db: DbOrTx, afterId: number | null, now: Date, scope: ClientScope = null): AlertFeed {
  const inSight = facilityOrInClientScope(scope, alerts.clientId);
  const lastId = db
    .select({ id: sql<number>`coalesce(max(${alerts.id}), 0)` })
    .from(alerts)
    .get()!.id;
  const openCount = db.select({ n: count() }).from(alerts).where(and(statusCondition.open, inSight)).get()!.n;
  const desktopKinds = listAlertRules(db)
    .filter((rule) => rule.enabled && rule.desktop)
    .map((rule) => rule.kind);
  if (afterId === null) return { alerts: [], newCount: 0, lastId, openCount, desktopKinds };
  const isNew = and(gt(alerts.id, afterId), isNull(alerts.resolvedAt), inSight);
  const newCount = db.select({ n: count() }).from(alerts).where(isNew).get()!.n;
  const fresh = selectRows(db).where(isNew).orderBy(alerts.id).limit(FEED_LIMIT).all().map(toAlertRow);
  const notified = fresh.filter((row) => desktopKinds.includes(row.kind)).map((row) => row.id);
  if (notified.length) {
    db.update(alerts)
      .set({ notifiedAt: now.toISOString() })
      .where(and(inIds(alerts.id, notified), isNull(alerts.notifiedAt)))
      .run();
  }
  return { alerts: fresh, newCount, lastId, openCount, desktopKinds };
}
