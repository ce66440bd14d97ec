import { count, eq, inArray, max } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { miners, racks, siteRooms } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { ParsedInputOf } from '../../contract/define';
import { AppError } from '../../contract/errors';
import type { Rack, SiteRoom } from '../../contract/sites';
import { counted } from '../../contract/words';
import { recordAudit } from '../audit/record-audit';
import { assertNameFree, rackLabel, requireRack, requireRoom, requireSite, roomLabel, siteLabel, type RoomRow } from './sites.guards';

/** Rooms, containers and racks of a site: the places a miner can stand. */

const minersIn = (db: DbOrTx, rackIds: number[]) =>
  rackIds.length === 0 ? 0 : (db.select({ n: count() }).from(miners).where(inArray(miners.rackId, rackIds)).get()?.n ?? 0);

const assertRoomNameFree = (db: DbOrTx, siteId: number, name: string, exceptId: number | null) =>
  assertNameFree(db, siteRooms, eq(siteRooms.siteId, siteId), name, exceptId, siteLabel(requireSite(db, siteId)));

const assertRackNameFree = (db: DbOrTx, room: RoomRow, name: string, exceptId: number | null) =>
  assertNameFree(db, racks, eq(racks.roomId, room.id), name, exceptId, roomLabel(room));

export function createRoom(db: DbOrTx, input: ParsedInputOf<Contract['sites.rooms.create']>, actor: string): SiteRoom {
  return db.transaction((tx) => {
    assertRoomNameFree(tx, input.siteId, input.name, null);
    const now = new Date().toISOString();
    const row = tx
      .insert(siteRooms)
      .values({ ...input, createdAt: now, updatedAt: now })
      .returning()
      .get();
    recordAudit(tx, { actor, action: 'site.room_added', entity: 'site_room', entityId: row.id, after: row });
    return row;
  });
}

export function updateRoom(db: DbOrTx, input: ParsedInputOf<Contract['sites.rooms.update']>, actor: string): SiteRoom {
  return db.transaction((tx) => {
    const { id, ...fields } = input;
    const before = requireRoom(tx, id);
    assertRoomNameFree(tx, before.siteId, fields.name, id);
    const after = tx
      .update(siteRooms)
      .set({ ...fields, updatedAt: new Date().toISOString() })
      .where(eq(siteRooms.id, id))
      .returning()
      .get();
    recordAudit(tx, { actor, action: 'site.room_updated', entity: 'site_room', entityId: id, before, after });
    return after;
  });
}

/** Removes the room together with its racks, which must all be empty; the audit row keeps the racks removed. */
export function deleteRoom(db: DbOrTx, id: number, actor: string): { id: number } {
  return db.transaction((tx) => {
    const before = requireRoom(tx, id);
    const roomRacks = tx.select().from(racks).where(eq(racks.roomId, id)).all();
    const held = minersIn(
      tx,
      roomRacks.map((rack) => rack.id),
    );
    if (held > 0) {
      throw new AppError('CONFLICT', `${roomLabel(before)} cannot be deleted: its racks hold ${counted(held, 'miner')}. Move them to other racks first.`);
    }
    tx.delete(racks).where(eq(racks.roomId, id)).run();
    tx.delete(siteRooms).where(eq(siteRooms.id, id)).run();
    recordAudit(tx, { actor, action: 'site.room_deleted', entity: 'site_room', entityId: id, before: { ...before, racks: roomRacks } });
    return { id };
  });
}

export function createRack(db: DbOrTx, input: ParsedInputOf<Contract['sites.racks.create']>, actor: string): Rack {
  return db.transaction((tx) => {
    assertRackNameFree(tx, requireRoom(tx, input.roomId), input.name, null);
    const now = new Date().toISOString();
    const row = tx
      .insert(racks)
      .values({ ...input, createdAt: now, updatedAt: now })
      .returning()
      .get();
    recordAudit(tx, { actor, action: 'site.rack_added', entity: 'rack', entityId: row.id, after: row });
    return row;
  });
}

/** Renames or resizes a rack; it may not shrink below a position a miner stands in. */
export function updateRack(db: DbOrTx, input: ParsedInputOf<Contract['sites.racks.update']>, actor: string): Rack {
  return db.transaction((tx) => {
    const { id, ...fields } = input;
    const before = requireRack(tx, id);
    assertRackNameFree(tx, requireRoom(tx, before.roomId), fields.name, id);
    const highest = tx
      .select({ position: max(miners.rackPosition) })
      .from(miners)
      .where(eq(miners.rackId, id))
      .get()?.position;
    if (highest && highest > fields.positions) {
      throw new AppError(
        'CONFLICT',
        `${rackLabel(before)} cannot have only ${fields.positions} positions: a miner stands in position ${highest}. Move it to a lower position or another rack first.`,
        { positions: `must be at least ${highest}` },
      );
    }
    const after = tx
      .update(racks)
      .set({ ...fields, updatedAt: new Date().toISOString() })
      .where(eq(racks.id, id))
      .returning()
      .get();
    recordAudit(tx, { actor, action: 'site.rack_updated', entity: 'rack', entityId: id, before, after });
    return after;
  });
}

export function deleteRack(db: DbOrTx, id: number, actor: string): { id: number } {
  return db.transaction((tx) => {
    const before = requireRack(tx, id);
    const held = minersIn(tx, [id]);
    if (held > 0) {
      throw new AppError('CONFLICT', `${rackLabel(before)} cannot be deleted: it still holds ${counted(held, 'miner')}. Move them to another rack first.`);
    }
    tx.delete(racks).where(eq(racks.id, id)).run();
    recordAudit(tx, { actor, action: 'site.rack_deleted', entity: 'rack', entityId: id, before });
    return { id };
  });
}
