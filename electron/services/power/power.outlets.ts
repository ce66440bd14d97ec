import { and, asc, desc, eq, gt, gte, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { miners, outletAssignments, powerDevices, powerOutlets, siteRooms } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { ParsedInputOf } from '../../contract/define';
import { AppError } from '../../contract/errors';
import type { MinerRef, OutletAssignResult, OutletAssignmentRow, PowerOutlet, RackPowerView } from '../../contract/power';
import { recordAudit } from '../audit/record-audit';
import { requireRack } from '../sites/sites.guards';
import { siteZone } from '../contracts/contracts.guards';
import { requireDevice } from './power.devices';
import { parseReadingInstant } from './power.readings.parse';

const openAssignment = and(eq(outletAssignments.outletId, powerOutlets.id), isNull(outletAssignments.toAt));

const outletColumns = {
  id: powerOutlets.id,
  deviceId: powerOutlets.deviceId,
  deviceName: powerDevices.name,
  outletIndex: powerOutlets.outletIndex,
  name: powerOutlets.name,
  state: powerOutlets.state,
  powerW: powerOutlets.powerW,
  readAt: powerOutlets.readAt,
  assignedFrom: outletAssignments.fromAt,
  minerId: miners.id,
  assetId: miners.assetId,
  minerSiteId: miners.siteId,
  minerRackId: miners.rackId,
  rackPosition: miners.rackPosition,
};

type OutletSelectRow = { [K in keyof typeof outletColumns]: unknown } & Record<string, unknown>;

const toOutlet = (r: OutletSelectRow): PowerOutlet => ({
  id: r.id as number,
  deviceId: r.deviceId as number,
  deviceName: r.deviceName as string,
  outletIndex: r.outletIndex as number,
  name: r.name as string | null,
  state: r.state as PowerOutlet['state'],
  powerW: r.powerW as number | null,
  readAt: r.readAt as string | null,
  assignedFrom: r.assignedFrom as string | null,
  miner:
    r.minerId === null
      ? null
      : {
          id: r.minerId as number,
          assetId: r.assetId as string,
          siteId: r.minerSiteId as number | null,
          rackId: r.minerRackId as number | null,
          rackPosition: r.rackPosition as number | null,
        },
});

function selectOutlets(db: DbOrTx, where: SQL | undefined): PowerOutlet[] {
  return db
    .select(outletColumns)
    .from(powerOutlets)
    .innerJoin(powerDevices, eq(powerDevices.id, powerOutlets.deviceId))
    .leftJoin(outletAssignments, openAssignment)
    .leftJoin(miners, eq(miners.id, outletAssignments.minerId))
    .where(where)
    .orderBy(asc(sql`${powerDevices.name} COLLATE NOCASE`), asc(powerOutlets.deviceId), asc(powerOutlets.outletIndex))
    .all()
    .map(toOutlet);
}

/** The outlets of a PDU, or of every PDU placed in a rack, with the miner plugged into each now. */
export function listOutlets(db: DbOrTx, input: ParsedInputOf<Contract['power.outlets.list']>): PowerOutlet[] {
  if (input.deviceId !== undefined) {
    requireDevice(db, input.deviceId);
    return selectOutlets(db, eq(powerOutlets.deviceId, input.deviceId));
  }
  requireRack(db, input.rackId!);
  return selectOutlets(db, eq(powerDevices.rackId, input.rackId!));
}

function requireOutlet(db: DbOrTx, id: number): PowerOutlet {
  const [outlet] = selectOutlets(db, eq(powerOutlets.id, id));
  if (!outlet) throw new AppError('NOT_FOUND', `Outlet #${id} was not found. Its PDU may have been deleted; reload the page.`);
  return outlet;
}

const outletLabel = (o: Pick<PowerOutlet, 'deviceName' | 'outletIndex'>) => `outlet ${o.outletIndex} of "${o.deviceName}"`;

type AssignmentSpan = { id: number; outletId: number; minerId: number; assetId: string; fromAt: string; toAt: string | null };

/**
 * The plug-ins of the outlet or the miner that a change dated `at` would overlap: any still running that
 * started at or after it, or any that ended after it. `except` is the open row being re-dated.
 */
function laterAssignments(db: DbOrTx, outletId: number, minerId: number | null, at: string, except: number | null): AssignmentSpan[] {
  const whose =
    minerId === null ? eq(outletAssignments.outletId, outletId) : or(eq(outletAssignments.outletId, outletId), eq(outletAssignments.minerId, minerId));
  return db
    .select({
      id: outletAssignments.id,
      outletId: outletAssignments.outletId,
      minerId: outletAssignments.minerId,
      assetId: miners.assetId,
      fromAt: outletAssignments.fromAt,
      toAt: outletAssignments.toAt,
    })
    .from(outletAssignments)
    .innerJoin(miners, eq(miners.id, outletAssignments.minerId))
    .where(
      and(
        whose,
        or(and(isNull(outletAssignments.toAt), gte(outletAssignments.fromAt, at)), gt(outletAssignments.toAt, at)),
        except === null ? undefined : ne(outletAssignments.id, except),
      ),
    )
    .orderBy(asc(outletAssignments.fromAt))
    .all();
}

function refuseOverlap(db: DbOrTx, spans: readonly AssignmentSpan[], at: string): void {
  if (!spans.length) return;
  const [first] = spans;
  const [outlet] = selectOutlets(db, eq(powerOutlets.id, first.outletId));
  const until = first.toAt ? `to ${first.toAt}` : 'until now';
  throw new AppError(
    'CONFLICT',
    `${outletLabel(outlet).replace(/^o/, 'O')} fed miner ${first.assetId} from ${first.fromAt} ${until}, which a change dated ${at} would overlap. Choose a time after ${first.toAt ?? first.fromAt}, or change that plug-in first.`,
    { from: 'overlaps a later plug-in' },
  );
}

/** When the change takes effect: `from` (back-dated, never in the future; a local time in the device's site zone), else now. */
function effectiveAt(db: DbOrTx, outlet: PowerOutlet, from: string | undefined, now: Date): string {
  if (from === undefined) return now.toISOString();
  const device = requireDevice(db, outlet.deviceId);
  const parsed = parseReadingInstant(from, siteZone(db, device.siteId));
  if (!parsed.ok) throw new AppError('INVALID_INPUT', `From: ${parsed.message}`, { from: parsed.message });
  if (parsed.value.ms > now.getTime())
    throw new AppError('INVALID_INPUT', 'From: must not be in the future. A plug-in can be dated back, not ahead.', { from: 'must not be in the future' });
  return new Date(parsed.value.ms).toISOString();
}

/**
 * Plugs a miner into an outlet, or unplugs it (minerId null), from `from` (default now). The open rows
 * are closed and a new one is opened, so both the outlet's and the miner's history stay; a miner on
 * another outlet moves here. Back-dated, the change must not overlap a later plug-in of the outlet or the
 * miner; the miner already on this outlet has its start moved instead.
 */
export function assignOutlet(db: DbOrTx, input: ParsedInputOf<Contract['power.outlets.assign']>, actor: string, now = new Date()): OutletAssignResult {
  return db.transaction((tx) => {
    const outlet = requireOutlet(tx, input.outletId);
    const at = effectiveAt(tx, outlet, input.from, now);
    const close = (where: SQL) =>
      tx
        .update(outletAssignments)
        .set({ toAt: at })
        .where(and(where, isNull(outletAssignments.toAt)))
        .run();
    if (input.minerId !== null && outlet.miner?.id === input.minerId) {
      if (input.from === undefined || at === outlet.assignedFrom) return { outlet, unplugged: null, movedFrom: null };
      return redateAssignment(tx, outlet, at, actor);
    }
    let movedFrom: OutletAssignResult['movedFrom'] = null;
    let miner: MinerRef | null = null;
    if (input.minerId !== null) {
      const row = tx.select().from(miners).where(eq(miners.id, input.minerId)).get();
      if (!row) throw new AppError('NOT_FOUND', `Miner #${input.minerId} was not found. Reload the list; it may have been removed.`);
      miner = { id: row.id, assetId: row.assetId, siteId: row.siteId, rackId: row.rackId, rackPosition: row.rackPosition };
    }
    if (input.from !== undefined) refuseOverlap(tx, laterAssignments(tx, outlet.id, miner?.id ?? null, at, null), at);
    if (miner) {
      const [previous] = selectOutlets(tx, and(eq(outletAssignments.minerId, miner.id), isNull(outletAssignments.toAt)));
      if (previous) {
        movedFrom = { outletId: previous.id, deviceName: previous.deviceName, outletIndex: previous.outletIndex };
        close(eq(outletAssignments.minerId, miner.id));
      }
    }
    const unplugged = outlet.miner;
    if (unplugged) close(eq(outletAssignments.outletId, outlet.id));
    if (miner) tx.insert(outletAssignments).values({ outletId: outlet.id, minerId: miner.id, fromAt: at, actor }).run();
    const note = movedFrom ? `moved from ${outletLabel(movedFrom)}` : undefined;
    recordAudit(tx, {
      actor,
      action: miner ? 'power.outlet.assigned' : 'power.outlet.unassigned',
      entity: 'power_outlet',
      entityId: outlet.id,
      before: { outlet: outletLabel(outlet), miner: unplugged?.assetId ?? null },
      after: { outlet: outletLabel(outlet), miner: miner?.assetId ?? null, ...(note ? { note } : {}), ...(input.from !== undefined ? { from: at } : {}) },
    });
    return { outlet: requireOutlet(tx, outlet.id), unplugged, movedFrom };
  });
}

/** Moves the start of the plug-in running now on this outlet to `at` (earlier or later), if no other plug-in is in the way. */
function redateAssignment(tx: DbOrTx, outlet: PowerOutlet, at: string, actor: string): OutletAssignResult {
  const open = tx
    .select({ id: outletAssignments.id })
    .from(outletAssignments)
    .where(and(eq(outletAssignments.outletId, outlet.id), isNull(outletAssignments.toAt)))
    .get()!;
  refuseOverlap(tx, laterAssignments(tx, outlet.id, outlet.miner!.id, at, open.id), at);
  tx.update(outletAssignments).set({ fromAt: at }).where(eq(outletAssignments.id, open.id)).run();
  recordAudit(tx, {
    actor,
    action: 'power.outlet.assigned',
    entity: 'power_outlet',
    entityId: outlet.id,
    before: { outlet: outletLabel(outlet), miner: outlet.miner!.assetId, from: outlet.assignedFrom },
    after: { outlet: outletLabel(outlet), miner: outlet.miner!.assetId, from: at, note: `plugged in since ${at}` },
  });
  return { outlet: requireOutlet(tx, outlet.id), unplugged: null, movedFrom: null };
}

/** Every plug-in of a miner, or every miner an outlet fed, newest first. */
export function outletHistory(db: DbOrTx, input: ParsedInputOf<Contract['power.outlets.history']>): OutletAssignmentRow[] {
  return db
    .select({
      id: outletAssignments.id,
      outletId: outletAssignments.outletId,
      deviceId: powerOutlets.deviceId,
      deviceName: powerDevices.name,
      outletIndex: powerOutlets.outletIndex,
      minerId: outletAssignments.minerId,
      assetId: miners.assetId,
      fromAt: outletAssignments.fromAt,
      toAt: outletAssignments.toAt,
      actor: outletAssignments.actor,
    })
    .from(outletAssignments)
    .innerJoin(powerOutlets, eq(powerOutlets.id, outletAssignments.outletId))
    .innerJoin(powerDevices, eq(powerDevices.id, powerOutlets.deviceId))
    .innerJoin(miners, eq(miners.id, outletAssignments.minerId))
    .where(input.minerId !== undefined ? eq(outletAssignments.minerId, input.minerId) : eq(outletAssignments.outletId, input.outletId!))
    .orderBy(desc(outletAssignments.fromAt), desc(outletAssignments.id))
    .all();
}

export function outletOfMiner(db: DbOrTx, minerId: number): PowerOutlet | null {
  return selectOutlets(db, and(eq(outletAssignments.minerId, minerId), isNull(outletAssignments.toAt)))[0] ?? null;
}

/** A rack's positions with the miner in each and that miner's outlet; outlets of PDUs in the rack feeding no placed miner are listed apart. */
export function rackPowerView(db: DbOrTx, rackId: number): RackPowerView {
  const rack = requireRack(db, rackId);
  const room = db.select({ siteId: siteRooms.siteId }).from(siteRooms).where(eq(siteRooms.id, rack.roomId)).get()!;
  const placed = db
    .select({
      id: miners.id,
      assetId: miners.assetId,
      siteId: miners.siteId,
      rackId: miners.rackId,
      rackPosition: miners.rackPosition,
      liveStatus: miners.liveStatus,
    })
    .from(miners)
    .where(eq(miners.rackId, rackId))
    .all();
  const outletByMiner = new Map(
    selectOutlets(db, and(eq(miners.rackId, rackId), sql`${outletAssignments.id} IS NOT NULL`)).map((o) => [o.miner!.id, o] as const),
  );
  const byPosition = new Map(placed.map((m) => [m.rackPosition, m] as const));
  const positions = Array.from({ length: rack.positions }, (_, i) => {
    const miner = byPosition.get(i + 1) ?? null;
    const outlet = miner ? outletByMiner.get(miner.id) : undefined;
    return { position: i + 1, miner, outlet: outlet ? (({ miner: _m, assignedFrom: _a, ...rest }) => rest)(outlet) : null };
  });
  const unplacedOutlets = selectOutlets(db, eq(powerDevices.rackId, rackId)).filter((o) => !o.miner || o.miner.rackId !== rackId);
  return { rackId, rackName: rack.name, siteId: room.siteId, positions, unplacedOutlets };
}

/**
 * The outlet power of every plugged-in miner whose outlet was read within `freshS`, for the telemetry cycle:
 * one query per cycle, not one per miner.
 */
export function freshOutletPowers(db: DbOrTx, now: Date, freshS: number): Map<number, { powerW: number }> {
  const since = new Date(now.getTime() - freshS * 1000).toISOString();
  const rows = db
    .select({ minerId: outletAssignments.minerId, powerW: powerOutlets.powerW })
    .from(outletAssignments)
    .innerJoin(powerOutlets, eq(powerOutlets.id, outletAssignments.outletId))
    .where(and(isNull(outletAssignments.toAt), sql`${powerOutlets.powerW} IS NOT NULL`, sql`${powerOutlets.readAt} >= ${since}`))
    .all();
  return new Map(rows.map((r) => [r.minerId, { powerW: r.powerW! }]));
}

/**
 * The telemetry cycle's outlet seam, `(minerId) => outlet power`, answered from one query per cycle: the
 * map of fresh outlet powers is loaded on the first ask and reused for `reuseMs` (a cycle of 10,000 miners
 * asks 10,000 times within seconds). Fresh means read within three power poll intervals.
 */
export function outletPowerLookup(db: DbOrTx, pollIntervalS: number, reuseMs = 10_000, now = () => new Date()) {
  let loaded: { atMs: number; powers: Map<number, { powerW: number }> } | null = null;
  return (minerId: number): { powerW: number } | null => {
    const at = now();
    if (!loaded || at.getTime() - loaded.atMs > reuseMs) loaded = { atMs: at.getTime(), powers: freshOutletPowers(db, at, 3 * pollIntervalS) };
    return loaded.powers.get(minerId) ?? null;
  };
}
