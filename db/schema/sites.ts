import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { maxRackPositions, siteRoomKinds } from '../../electron/contract/sites';

/** A facility location; O&M contracts assign whole sites. Names are unique whatever their case. */
export const sites = sqliteTable(
  'sites',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    timeZone: text('time_zone'), // IANA; null = the organisation's
    address: text('address').notNull().default(''),
    notes: text('notes').notNull().default(''),
    scanRangesJson: text('scan_ranges_json').notNull().default('[]'), // the LAN ranges its miners live in, e.g. ["10.20.0.0/16"]
    createdAt: text('created_at').notNull(), // ISO 8601, UTC
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('sites_name_idx').on(sql`${t.name} COLLATE NOCASE`)],
);

/** A room, container or building of a site. */
export const siteRooms = sqliteTable(
  'site_rooms',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id),
    name: text('name').notNull(),
    kind: text('kind', { enum: siteRoomKinds }).notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('site_rooms_site_name_idx').on(t.siteId, sql`${t.name} COLLATE NOCASE`)],
);

/** A rack (or shelf) of a room, with numbered positions 1..positions, one miner each. */
export const racks = sqliteTable(
  'racks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roomId: integer('room_id')
      .notNull()
      .references(() => siteRooms.id),
    name: text('name').notNull(),
    positions: integer('positions').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('racks_room_name_idx').on(t.roomId, sql`${t.name} COLLATE NOCASE`),
    check('racks_positions_check', sql`${t.positions} BETWEEN 1 AND ${sql.raw(String(maxRackPositions))}`),
  ],
);
