import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actor } from '../../../tests/helpers/client-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { contract } from '../../contract';
import { listAudit } from '../audit/audit.service';
import { createMiner } from '../miners/miners.service';
import { createRack, createRoom, deleteRack, deleteRoom, updateRack, updateRoom } from './sites.layout';
import { createSite, getSiteDetail } from './sites.service';

let t: TempDb;
let siteId: number;
beforeEach(() => {
  t = openTempDb();
  siteId = createSite(t.db, contract['sites.create'].input.parse({ name: 'Midland TX' }), actor).id;
});
afterEach(() => t.close());

const container = (name = 'C1') => createRoom(t.db, { siteId, name, kind: 'container' }, actor);
const rack = (roomId: number, name = 'R1', positions = 12) => createRack(t.db, { roomId, name, positions }, actor);
const rackMiner = (rackId: number, rackPosition: number) =>
  createMiner(t.db, { assetId: `A-${rackId}-${rackPosition}`, make: 'Bitmain', model: 'Antminer S21', siteId, rackId, rackPosition }, actor);

describe('rooms and containers', () => {
  it('are unique by name within a site, in any case, and may repeat across sites', () => {
    const c1 = container();
    expect(() => container('c1')).toThrow(`A room or container named "C1" already exists in Site "Midland TX" (#${c1.id}). Give this one another name.`);
    const other = createSite(t.db, contract['sites.create'].input.parse({ name: 'Odessa TX' }), actor);
    expect(createRoom(t.db, { siteId: other.id, name: 'C1', kind: 'container' }, actor).name).toBe('C1');
    expect(updateRoom(t.db, { id: c1.id, name: 'Hall 1', kind: 'building' }, actor)).toMatchObject({ name: 'Hall 1', kind: 'building' });
    expect(() => createRoom(t.db, { siteId: 999, name: 'X', kind: 'room' }, actor)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('deletes a room with its empty racks, and refuses while a rack holds miners', () => {
    const c1 = container();
    const r1 = rack(c1.id);
    rack(c1.id, 'R2');
    rackMiner(r1.id, 1);
    rackMiner(r1.id, 2);
    expect(() => deleteRoom(t.db, c1.id, actor)).toThrow('Container "C1" cannot be deleted: its racks hold 2 miners. Move them to other racks first.');
    const c2 = container('C2');
    rack(c2.id);
    deleteRoom(t.db, c2.id, actor);
    expect(getSiteDetail(t.db, siteId).rooms.map((room) => [room.name, room.racks.length])).toEqual([['C1', 2]]);
    const [row] = listAudit(t.db, { entity: 'site_room', entityId: String(c2.id), limit: 1, offset: 0 }).rows;
    expect(row).toMatchObject({ action: 'site.room_deleted', before: { name: 'C2', racks: [{ name: 'R1' }] } });
  });
});

describe('racks', () => {
  it('have between 1 and 60 whole positions', () => {
    const parse = (positions: unknown) => contract['sites.racks.create'].input.safeParse({ roomId: 1, name: 'R1', positions });
    expect(parse(0).error?.issues[0].message).toBe('must be at least 1');
    expect(parse(61).error?.issues[0].message).toBe('must be at most 60');
    expect(parse(2.5).error?.issues[0].message).toBe('must be a whole number');
    expect(parse(60).success).toBe(true);
    const room = container();
    const insert = t.db.$client.prepare("INSERT INTO racks (room_id, name, positions, created_at, updated_at) VALUES (?, 'Raw', ?, '', '')");
    expect(() => insert.run(room.id, 61)).toThrow(/CHECK constraint failed/);
  });

  it('are unique by name within a room and may not shrink below a miner', () => {
    const c1 = container();
    const r1 = rack(c1.id);
    expect(() => rack(c1.id, 'r1')).toThrow(expect.objectContaining({ code: 'CONFLICT', fields: { name: 'is taken' } }));
    rackMiner(r1.id, 9);
    expect(() => updateRack(t.db, { id: r1.id, name: 'R1', positions: 8 }, actor)).toThrow(
      'Rack "R1" cannot have only 8 positions: a miner stands in position 9. Move it to a lower position or another rack first.',
    );
    expect(updateRack(t.db, { id: r1.id, name: 'R1-A', positions: 9 }, actor)).toMatchObject({ name: 'R1-A', positions: 9 });
  });

  it('refuses to delete a rack with miners, and audits adding and removing', () => {
    const c1 = container();
    const full = rack(c1.id);
    rackMiner(full.id, 1);
    expect(() => deleteRack(t.db, full.id, actor)).toThrow('Rack "R1" cannot be deleted: it still holds 1 miner. Move them to another rack first.');
    const empty = rack(c1.id, 'R2');
    expect(deleteRack(t.db, empty.id, actor)).toEqual({ id: empty.id });
    const actions = listAudit(t.db, { entity: 'rack', entityId: String(empty.id), limit: 5, offset: 0 }).rows.map((r) => r.action);
    expect(actions).toEqual(['site.rack_deleted', 'site.rack_added']);
    expect(() => deleteRack(t.db, empty.id, actor)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
