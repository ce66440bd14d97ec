import { and, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { racks, siteRooms, sites } from '../../../db/schema';
import { AppError } from '../../contract/errors';
import { siteRoomKindLabels } from '../../contract/sites';
import { requireById } from '../require-row';

export type SiteRow = typeof sites.$inferSelect;
export type RoomRow = typeof siteRooms.$inferSelect;
export type RackRow = typeof racks.$inferSelect;

/** How places are named in messages: `Site "Midland TX"`, `Container "C2"`, `Rack "R4"`. */
export const siteLabel = (row: Pick<SiteRow, 'name'>) => `Site "${row.name}"`;
export const roomLabel = (row: Pick<RoomRow, 'name' | 'kind'>) => `${siteRoomKindLabels[row.kind]} "${row.name}"`;
export const rackLabel = (row: Pick<RackRow, 'name'>) => `Rack "${row.name}"`;

const notFoundHint = 'It may have been removed; refresh the site and try again.';

export const requireSite = (db: DbOrTx, id: number): SiteRow => requireById(db, sites, id, 'Site', notFoundHint);
export const requireRoom = (db: DbOrTx, id: number): RoomRow => requireById(db, siteRooms, id, 'Room or container', notFoundHint);
export const requireRack = (db: DbOrTx, id: number): RackRow => requireById(db, racks, id, 'Rack', notFoundHint);

/**
 * Refuses a name another row already has within the same parent (any case), naming that row.
 * `inside` is the parent's label for the message, or null for sites, which are unique overall.
 */
export function assertNameFree(
  db: DbOrTx,
  table: typeof sites | typeof siteRooms | typeof racks,
  scope: SQL | undefined,
  name: string,
  exceptId: number | null,
  inside: string | null,
): void {
  const other = db
    .select({ id: table.id, name: table.name })
    .from(table)
    .where(and(scope, sql`${table.name} = ${name} COLLATE NOCASE`))
    .get();
  if (!other || other.id === exceptId) return;
  const what = table === sites ? 'A site' : table === siteRooms ? 'A room or container' : 'A rack';
  throw new AppError('CONFLICT', `${what} named "${other.name}" already exists${inside ? ` in ${inside}` : ''} (#${other.id}). Give this one another name.`, {
    name: 'is taken',
  });
}
