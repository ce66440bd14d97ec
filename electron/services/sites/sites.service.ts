import { asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { containsText } from '../../../db/text-search';
import { miners, racks, siteRooms, sites } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { ParsedInputOf } from '../../contract/define';
import type { Site, SiteDetail } from '../../contract/sites';
import { recordAudit } from '../audit/record-audit';
import { readSettingsRow } from '../settings/settings.service';
import { assertNameFree, requireSite } from './sites.guards';
import { followSiteZoneChange } from '../contracts/contracts.site-zone';

type SiteFields = Omit<ParsedInputOf<Contract['sites.update']>, 'id'>;

const byName = (column: typeof sites.name | typeof siteRooms.name | typeof racks.name) => asc(sql`${column} COLLATE NOCASE`);

/** Sites with their counts; the zone falls back to the organisation's. */
function selectSites(db: DbOrTx, where: SQL | undefined): Site[] {
  const organisationZone = readSettingsRow(db).timeZone;
  return db
    .select({
      id: sites.id,
      name: sites.name,
      timeZone: sites.timeZone,
      address: sites.address,
      notes: sites.notes,
      // Drizzle leaves columns of a one-table select unqualified, so the correlated counts name their tables themselves.
      roomCount: sql<number>`(SELECT count(*) FROM site_rooms r WHERE r.site_id = sites.id)`,
      rackCount: sql<number>`(SELECT count(*) FROM racks k JOIN site_rooms r ON r.id = k.room_id WHERE r.site_id = sites.id)`,
      minerCount: sql<number>`(SELECT count(*) FROM miners m WHERE m.site_id = sites.id)`,
      createdAt: sites.createdAt,
      updatedAt: sites.updatedAt,
    })
    .from(sites)
    .where(where)
    .orderBy(byName(sites.name), asc(sites.id))
    .all()
    .map((row) => ({ ...row, effectiveTimeZone: row.timeZone ?? organisationZone }));
}

/** Sites by name; search matches the name or the address, any case. */
export function listSites(db: DbOrTx, input: ParsedInputOf<Contract['sites.list']>): Site[] {
  return selectSites(db, containsText(input.search, [sites.name, sites.address]));
}

/** The site with its rooms by name, each with its racks by name and the miners in each rack. */
export function getSiteDetail(db: DbOrTx, id: number): SiteDetail {
  requireSite(db, id);
  const [site] = selectSites(db, eq(sites.id, id));
  const rooms = db.select().from(siteRooms).where(eq(siteRooms.siteId, id)).orderBy(byName(siteRooms.name), asc(siteRooms.id)).all();
  const rackRows = rooms.length
    ? db
        .select()
        .from(racks)
        .where(
          inArray(
            racks.roomId,
            rooms.map((room) => room.id),
          ),
        )
        .orderBy(byName(racks.name), asc(racks.id))
        .all()
    : [];
  const minersPerRack = new Map(
    rackRows.length
      ? db
          .select({ rackId: miners.rackId, n: count() })
          .from(miners)
          .where(
            inArray(
              miners.rackId,
              rackRows.map((rack) => rack.id),
            ),
          )
          .groupBy(miners.rackId)
          .all()
          .map((row) => [row.rackId, row.n])
      : [],
  );
  return {
    ...site,
    rooms: rooms.map((room) => ({
      ...room,
      racks: rackRows.filter((rack) => rack.roomId === room.id).map((rack) => ({ ...rack, minerCount: minersPerRack.get(rack.id) ?? 0 })),
    })),
  };
}

/** The audit trail of a site: its stored fields, without the bookkeeping times. */
const siteAuditView = ({ updatedAt: _updatedAt, ...rest }: typeof sites.$inferSelect) => rest;

export function createSite(db: DbOrTx, input: SiteFields, actor: string): SiteDetail {
  return db.transaction((tx) => {
    assertNameFree(tx, sites, undefined, input.name, null, null);
    const now = new Date().toISOString();
    const row = tx
      .insert(sites)
      .values({ ...input, createdAt: now, updatedAt: now })
      .returning()
      .get();
    recordAudit(tx, { actor, action: 'site.created', entity: 'site', entityId: row.id, after: siteAuditView(row) });
    return getSiteDetail(tx, row.id);
  });
}

/** Replaces every field of the form; renaming keeps the id, so rooms, racks and miners stay linked. */
export function updateSite(db: DbOrTx, input: ParsedInputOf<Contract['sites.update']>, actor: string): SiteDetail {
  return db.transaction((tx) => {
    const { id, ...fields } = input;
    const before = requireSite(tx, id);
    assertNameFree(tx, sites, undefined, fields.name, id, null);
    const organisationZone = readSettingsRow(tx).timeZone;
    followSiteZoneChange(tx, [id], before.timeZone ?? organisationZone, fields.timeZone ?? organisationZone, actor);
    const after = tx
      .update(sites)
      .set({ ...fields, updatedAt: new Date().toISOString() })
      .where(eq(sites.id, id))
      .returning()
      .get();
    recordAudit(tx, { actor, action: 'site.updated', entity: 'site', entityId: id, before: siteAuditView(before), after: siteAuditView(after) });
    return getSiteDetail(tx, id);
  });
}
