import { eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { clients, miners, sites } from '../../../db/schema';
import { AppError } from '../../contract/errors';
import { requireFound } from '../require-row';

/**
 * The miners a chart covers, as a subquery of ids: one miner, a site's miners (where they stand now), or every
 * miner a client ever held. For a client, `heldAt(key)` keeps only the buckets whose start falls in one of the
 * client's assignments, so a miner moved mid-month counts for each client over its own time.
 */
export type ChartScope = { minerIds: SQL; heldAt?: (bucketStart: SQL) => SQL };

export function requireScope(db: DbOrTx, scope: { minerId?: number; clientId?: number; siteId?: number }): ChartScope {
  if (scope.minerId !== undefined) {
    requireFound(db.select({ id: miners.id }).from(miners).where(eq(miners.id, scope.minerId)).get(), 'Miner', scope.minerId);
    return { minerIds: sql`${scope.minerId}` };
  }
  if (scope.clientId !== undefined) {
    requireFound(db.select({ id: clients.id }).from(clients).where(eq(clients.id, scope.clientId)).get(), 'Client', scope.clientId);
    const clientId = scope.clientId;
    return {
      minerIds: sql`SELECT miner_id FROM miner_client_assignments WHERE client_id = ${clientId}`,
      heldAt: (bucketStart) =>
        sql`EXISTS (SELECT 1 FROM miner_client_assignments a WHERE a.miner_id = t.miner_id AND a.client_id = ${clientId} AND a.from_at <= ${bucketStart} AND (a.to_at IS NULL OR a.to_at > ${bucketStart}))`,
    };
  }
  if (scope.siteId !== undefined) {
    requireFound(db.select({ id: sites.id }).from(sites).where(eq(sites.id, scope.siteId)).get(), 'Site', scope.siteId);
    return { minerIds: sql`SELECT id FROM miners WHERE site_id = ${scope.siteId}` };
  }
  throw new AppError('INVALID_INPUT', 'Choose a miner, a client or a site for the chart.');
}
