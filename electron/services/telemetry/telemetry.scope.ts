import { eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { clients, miners, sites } from '../../../db/schema';
import { AppError } from '../../contract/errors';

/** The miners a chart covers: one miner, a client's miners, or a site's miners, as a subquery of ids. */
export function requireScope(db: DbOrTx, scope: { minerId?: number; clientId?: number; siteId?: number }): { minerIds: SQL } {
  if (scope.minerId !== undefined) {
    if (!db.select({ id: miners.id }).from(miners).where(eq(miners.id, scope.minerId)).get())
      throw new AppError('NOT_FOUND', `Miner #${scope.minerId} was not found.`);
    return { minerIds: sql`${scope.minerId}` };
  }
  if (scope.clientId !== undefined) {
    if (!db.select({ id: clients.id }).from(clients).where(eq(clients.id, scope.clientId)).get())
      throw new AppError('NOT_FOUND', `Client #${scope.clientId} was not found.`);
    return { minerIds: sql`SELECT id FROM miners WHERE client_id = ${scope.clientId}` };
  }
  if (scope.siteId !== undefined) {
    if (!db.select({ id: sites.id }).from(sites).where(eq(sites.id, scope.siteId)).get())
      throw new AppError('NOT_FOUND', `Site #${scope.siteId} was not found.`);
    return { minerIds: sql`SELECT id FROM miners WHERE site_id = ${scope.siteId}` };
  }
  throw new AppError('INVALID_INPUT', 'Choose a miner, a client or a site for the chart.');
}
