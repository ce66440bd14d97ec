import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { inIds } from '../../../db/bulk';
import { inChunks } from '../../../db/chunks';
import type { DbOrTx } from '../../../db/open-db';
import { miners, poolRedirects } from '../../../db/schema';
import type { DeviceTarget } from '../../contract/devices';
import type { DeviceActionKind } from '../../contract/devices.vocab';
import { AppError } from '../../contract/errors';
import type { MinerFilters } from '../../contract/miners.list';
import { matchingMinerIds } from '../miners/miners.list';

/** A miner an action concerns, with what the action needs to reach it. */
export type TargetMiner = {
  id: number;
  assetId: string;
  ip: string | null;
  family: string | null;
  siteId: number | null;
  clientId: number | null;
  /** Its open redirect (on the holding pool now), if any: the row, the sealed original pools, the client it was redirected for. */
  redirectId: number | null;
  redirectPools: string | null;
  redirectClientId: number | null;
};

/** The parsed target: exactly one of the three ways is given (the contract checks it). */
export type ParsedTarget = Omit<DeviceTarget, 'filter' | 'unpaidOnly'> & { filter?: MinerFilters; unpaidOnly: boolean };

const columns = {
  id: miners.id,
  assetId: miners.assetId,
  ip: miners.ip,
  family: miners.family,
  siteId: miners.siteId,
  clientId: miners.clientId,
  redirectId: poolRedirects.id,
  redirectPools: poolRedirects.originalPoolsEnc,
  redirectClientId: poolRedirects.clientId,
};

const withRedirect = () => and(eq(poolRedirects.minerId, miners.id), isNull(poolRedirects.restoredAt));

/**
 * The target's miners, in id order. A client's miners are its assigned ones that are not retired (only the
 * unpaid ones with `unpaidOnly`); for a restore, the miners redirected while they were the client's.
 */
export function resolveTarget(db: DbOrTx, target: ParsedTarget, kind: DeviceActionKind): TargetMiner[] {
  if (target.clientId !== undefined) {
    if (kind === 'pool_restore') {
      return db
        .select(columns)
        .from(poolRedirects)
        .innerJoin(miners, eq(miners.id, poolRedirects.minerId))
        .where(and(eq(poolRedirects.clientId, target.clientId), isNull(poolRedirects.restoredAt)))
        .orderBy(miners.id)
        .all();
    }
    return db
      .select(columns)
      .from(miners)
      .leftJoin(poolRedirects, withRedirect())
      .where(and(eq(miners.clientId, target.clientId), ne(miners.state, 'retired'), target.unpaidOnly ? eq(miners.paid, false) : undefined))
      .orderBy(miners.id)
      .all();
  }
  const ids = target.minerIds ? [...new Set(target.minerIds)] : matchingMinerIds(db, target.filter!);
  const rows = inChunks(ids, 5_000).flatMap((chunk) =>
    db
      .select(columns)
      .from(miners)
      .leftJoin(poolRedirects, withRedirect())
      .where(and(inIds(miners.id, chunk), target.unpaidOnly ? eq(miners.paid, false) : undefined))
      .all(),
  );
  if (target.minerIds && rows.length < ids.length) {
    const found = new Set(rows.map((row) => row.id));
    const missing = ids.filter((id) => !found.has(id));
    const which = missing.length === 1 ? `Miner #${missing[0]} no longer exists` : `Miner #${missing[0]} and ${missing.length - 1} more no longer exist`;
    throw new AppError('NOT_FOUND', `${which}; reload the list and try again.`);
  }
  return rows.sort((a, b) => a.id - b.id);
}

/** How many miners of a client are on the holding pool now. */
export function countClientRedirects(db: DbOrTx, clientId: number): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(poolRedirects)
      .where(and(eq(poolRedirects.clientId, clientId), isNull(poolRedirects.restoredAt)))
      .get()?.n ?? 0
  );
}
