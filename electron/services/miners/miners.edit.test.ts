import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, minerClientAssignments } from '../../../db/schema';
import { actor, makeClient } from '../../../tests/helpers/client-fixtures';
import { makeFleet, type Fleet } from '../../../tests/helpers/fleet-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { contract, type Input } from '../../contract';
import { listAudit } from '../audit/audit.service';
import { archiveClient } from '../clients/clients.service';
import { massEditMiners, undoMassEdit } from './miners.edit';
import { createMiner } from './miners.service';
import { getMinerDetail, listMiners } from './miners.list';

let t: TempDb;
let fleet: Fleet;
let ids: number[];
beforeEach(() => {
  t = openTempDb();
  fleet = makeFleet(t.db);
  ids = fleet.miners.map((m) => m.id);
});
afterEach(() => t.close());

// After the fixtures' creation time, so assignment periods stay in order.
const at = new Date('2030-03-01T12:00:00.000Z');
const later = (seconds: number) => new Date(at.getTime() + seconds * 1000);
const edit = (raw: Input<'miners.massEdit'>, now = at) => massEditMiners(t.db, contract['miners.massEdit'].input.parse(raw), actor, now);
const snapshot = () => listMiners(t.db, contract['miners.list'].input.parse({})).rows;
const auditOf = (action: string) => t.db.select().from(auditLog).where(eq(auditLog.action, action)).all();

describe('massEditMiners', () => {
  it('assigns by client e-mail and marks unpaid: assignment rows closed and opened at one instant, one audit row per changed miner', () => {
    const [a1, , a3, , spare] = ids;
    const result = edit({ minerIds: [a1, a3, spare], changes: { clientEmail: 'OPS@acme.com', paid: false } });
    expect(result).toEqual({ changed: 3, undoToken: expect.any(String) });
    expect(getMinerDetail(t.db, a3)).toMatchObject({ client: { id: fleet.acme.id }, paid: false, state: 'assigned' });
    expect(getMinerDetail(t.db, a3).assignments).toEqual([
      { client: { id: fleet.acme.id, name: 'Acme Hashing' }, fromAt: at.toISOString(), toAt: null },
      { client: { id: fleet.boreal.id, name: 'Boreal' }, fromAt: expect.any(String), toAt: at.toISOString() },
    ]);
    expect(getMinerDetail(t.db, spare)).toMatchObject({ state: 'assigned', assignments: [{ fromAt: at.toISOString(), toAt: null }] });
    const rows = auditOf('miner.mass_edited');
    expect(rows).toHaveLength(3);
    const a1Row = listAudit(t.db, { entity: 'miner', entityId: String(a1), limit: 1, offset: 0 }).rows[0];
    expect(a1Row).toMatchObject({ action: 'miner.mass_edited', before: { paid: true }, after: { paid: false } });
    expect(listAudit(t.db, { clientId: fleet.acme.id, limit: 10, offset: 0 }).rows.filter((r) => r.action === 'miner.mass_edited')).toHaveLength(3);
  });

  it('refuses an unknown e-mail and an unknown miner id, changing nothing', () => {
    expect(() => edit({ minerIds: ids, changes: { clientEmail: 'nobody@example.com' } })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: 'No client has the e-mail nobody@example.com. Check the address, or create the client first.' }),
    );
    expect(() => edit({ minerIds: [ids[0], 998, 999], changes: { paid: false } })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringMatching(/^Miners #998, #999 no longer exist, so nothing was changed/) }),
    );
    expect(getMinerDetail(t.db, ids[0]).paid).toBe(true);
    expect(auditOf('miner.mass_edited')).toHaveLength(0);
  });

  it('edits every miner a filter matches, and counts only miners that change', () => {
    const result = edit({ filter: { siteIds: [fleet.odessa.siteId] }, changes: { paid: false } });
    expect(result.changed).toBe(3);
    expect(edit({ filter: { search: 'a-00' }, changes: { paid: false } }).changed).toBe(1); // A-002 was unpaid already: A-001 changes
    expect(snapshot().filter((r) => !r.paid)).toHaveLength(5);
  });

  it('unassigns, moves to a site (out of the rack), and checks that a rack belongs to the site', () => {
    const [a1, a2] = ids;
    edit({ minerIds: [a1], changes: { clientId: null } });
    expect(getMinerDetail(t.db, a1)).toMatchObject({ client: null, state: 'unassigned', assignments: [{ toAt: at.toISOString() }] });
    expect(t.db.select().from(minerClientAssignments).where(eq(minerClientAssignments.minerId, a1)).all()).toHaveLength(1);
    edit({ minerIds: [a2], changes: { siteId: fleet.odessa.siteId } });
    expect(getMinerDetail(t.db, a2)).toMatchObject({ siteId: fleet.odessa.siteId, rackId: null, rackPosition: null });
    expect(() => edit({ minerIds: [a2], changes: { siteId: fleet.midland.siteId, rackId: fleet.odessa.rackId } })).toThrow(
      'Rack "R1" is in Site "Odessa TX", not in Site "Midland TX". Choose a rack of that site.',
    );
    edit({ minerIds: [a2], changes: { rackId: fleet.midland.rackId } });
    expect(getMinerDetail(t.db, a2)).toMatchObject({ siteId: fleet.midland.siteId, rackId: fleet.midland.rackId, rackPosition: null });
  });

  it('refuses an archived client and explains bad input in plain words', () => {
    const gone = makeClient(t.db, { name: 'Gone Ltd', managerId: fleet.managerId });
    archiveClient(t.db, gone.id, actor);
    expect(() => edit({ minerIds: [ids[0]], changes: { clientId: gone.id } })).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    const parse = (raw: unknown) => contract['miners.massEdit'].input.safeParse(raw).error?.issues.map((i) => i.message);
    expect(parse({ minerIds: [1], changes: {} })).toEqual(['choose at least one thing to change']);
    expect(parse({ minerIds: [1], filter: {}, changes: { paid: true } })).toEqual(['give either the miners to change or the filter that selects them']);
    expect(parse({ minerIds: [1], changes: { clientId: 1, clientEmail: 'a@b.co' } })).toEqual(['give either a client or a client e-mail, not both']);
    expect(parse({ minerIds: Array.from({ length: 20_001 }, (_, i) => i + 1), changes: { paid: true } })).toEqual([
      'must be at most 20000 miners; select all matching instead',
    ]);
  });
});

describe('massEditMiners: tags and notes', () => {
  it('adds tags once whatever their case, removes them any case, sets notes, and the list filters by tag', () => {
    const [a1, a2, a3] = ids;
    edit({ minerIds: [a1, a2], changes: { addTags: ['hydro', 'Row-7'] } });
    expect(edit({ minerIds: [a1, a2, a3], changes: { addTags: ['HYDRO', 'vip'] } }).changed).toBe(3); // a1, a2 get vip only; a3 both
    expect(getMinerDetail(t.db, a1).tags).toEqual(['hydro', 'Row-7', 'vip']);
    expect(getMinerDetail(t.db, a3).tags).toEqual(['HYDRO', 'vip']);
    expect(listMiners(t.db, contract['miners.list'].input.parse({ tags: ['row-7'] })).rows.map((r) => r.id)).toEqual([a1, a2]);
    edit({ minerIds: [a1, a3], changes: { removeTags: ['Hydro'], notes: 'PSU fan noisy' } });
    expect(getMinerDetail(t.db, a1)).toMatchObject({ tags: ['Row-7', 'vip'], notes: 'PSU fan noisy' });
    expect(getMinerDetail(t.db, a3)).toMatchObject({ tags: ['vip'], notes: 'PSU fan noisy' });
    const row = listAudit(t.db, { entity: 'miner', entityId: String(a3), limit: 1, offset: 0 }).rows[0];
    expect(row).toMatchObject({ before: { notes: '', tags: ['HYDRO', 'vip'] }, after: { notes: 'PSU fan noisy', tags: ['vip'] } });
    expect(edit({ minerIds: [a1], changes: { addTags: ['VIP'] } }).changed).toBe(0);
  });

  it('undo takes off exactly the tags the edit put on and puts back the ones it took off', () => {
    const [a1, a2] = ids;
    edit({ minerIds: [a1], changes: { addTags: ['keep', 'old'] } });
    const { undoToken } = edit({ minerIds: [a1, a2], changes: { addTags: ['new'], removeTags: ['old'] } });
    expect(getMinerDetail(t.db, a1).tags).toEqual(['keep', 'new']);
    expect(undoMassEdit(t.db, undoToken, actor, later(5))).toEqual({ restored: 2 });
    expect(getMinerDetail(t.db, a1).tags).toEqual(['keep', 'old']);
    expect(getMinerDetail(t.db, a2).tags).toEqual([]);
  });

  it('explains bad tags in plain words', () => {
    const parse = (raw: unknown) => contract['miners.massEdit'].input.safeParse(raw).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(parse({ minerIds: [1], changes: { addTags: ['a,b'] } })).toEqual(['changes.addTags.0: must not contain commas or semicolons']);
    expect(parse({ minerIds: [1], changes: { removeTags: [' '] } })).toEqual(['changes.removeTags.0: must not be empty']);
  });
});

describe('undoMassEdit', () => {
  it('refuses, naming it, to put a miner back into a rack position another miner took meanwhile', () => {
    const [a1] = ids;
    const { undoToken } = edit({ minerIds: [a1], changes: { siteId: fleet.odessa.siteId } }); // leaves Midland R1 position 1
    createMiner(t.db, { assetId: 'NEW-1', make: 'Bitmain', model: 'Antminer S21', ...fleet.midland, rackPosition: 1 }, actor);
    expect(() => undoMassEdit(t.db, undoToken, actor, later(5))).toThrow(
      'Other miners have taken R1 position 1 (now NEW-1) since, so nothing was changed. Move those miners first, or place these miners again by hand.',
    );
    expect(getMinerDetail(t.db, a1)).toMatchObject({ siteId: fleet.odessa.siteId, rackPosition: null });
  });

  it('restores exactly the values before, as a new audited change with assignment rows', () => {
    const before = snapshot();
    const { undoToken } = edit({ minerIds: ids, changes: { clientId: fleet.acme.id, paid: false, state: 'rma' } });
    expect(undoMassEdit(t.db, undoToken, actor, later(29))).toEqual({ restored: 5 });
    expect(snapshot()).toEqual(before);
    const undone = auditOf('miner.mass_edit_undone');
    expect(undone).toHaveLength(5);
    const a3 = ids[2];
    const row = listAudit(t.db, { entity: 'miner', entityId: String(a3), limit: 1, offset: 0 }).rows[0];
    expect(row).toMatchObject({
      before: { clientId: fleet.acme.id, paid: false, state: 'rma' },
      after: { clientId: fleet.boreal.id, paid: true, state: 'assigned' },
    });
    expect(getMinerDetail(t.db, a3).assignments.map((a) => [a.client.id, a.toAt])).toEqual([
      [fleet.boreal.id, null],
      [fleet.acme.id, later(29).toISOString()],
      [fleet.boreal.id, at.toISOString()],
    ]);
  });

  it('keeps every audit row of an edit and its undo in the client activity of its miner, whatever columns change', () => {
    const [a1, , a3] = ids;
    const { undoToken } = edit({ minerIds: [a1, a3], changes: { notes: 'checked' } });
    undoMassEdit(t.db, undoToken, actor, later(5));
    for (const action of ['miner.mass_edited', 'miner.mass_edit_undone'])
      expect(auditOf(action).map((row) => [row.entityId, row.clientId, JSON.parse(row.beforeJson ?? '{}'), JSON.parse(row.afterJson ?? '{}')])).toEqual([
        [String(a1), fleet.acme.id, { notes: action === 'miner.mass_edited' ? '' : 'checked' }, { notes: action === 'miner.mass_edited' ? 'checked' : '' }],
        [String(a3), fleet.boreal.id, { notes: action === 'miner.mass_edited' ? '' : 'checked' }, { notes: action === 'miner.mass_edited' ? 'checked' : '' }],
      ]);
  });

  it('puts back many different values at once: twelve clients, paid and unpaid, states and notes', () => {
    const spread = Array.from({ length: 12 }, (_, i) => {
      const client = makeClient(t.db, { managerId: fleet.managerId });
      const state = i % 4 === 0 ? ('rma' as const) : undefined;
      return createMiner(t.db, { assetId: `SP-${i}`, make: 'Bitmain', model: 'Antminer S21', clientId: client.id, paid: i % 2 === 0, state }, actor).id;
    });
    const before = snapshot();
    const assignmentsBefore = t.db.select().from(minerClientAssignments).all().length;
    const { undoToken } = edit({ minerIds: [...ids, ...spread], changes: { clientId: fleet.boreal.id, paid: false, notes: 'moved' } });
    expect(undoMassEdit(t.db, undoToken, actor, later(5))).toEqual({ restored: 17 });
    expect(snapshot()).toEqual(before);
    // Each moved miner: its old row closed, the Boreal row opened and closed, its old client's row again.
    const open = t.db
      .select()
      .from(minerClientAssignments)
      .all()
      .filter((row) => row.toAt === null);
    expect(
      open
        .filter((row) => spread.includes(row.minerId))
        .map((row) => row.minerId)
        .sort((a, b) => a - b),
    ).toEqual(spread);
    expect(t.db.select().from(minerClientAssignments).all().length).toBeGreaterThan(assignmentsBefore);
  });

  it('is refused after 30 seconds, a second time, and for an unknown token', () => {
    const { undoToken } = edit({ minerIds: ids, changes: { paid: false } });
    expect(() => undoMassEdit(t.db, undoToken, actor, later(31))).toThrow(
      'The undo window of 30 seconds has passed, so the edit of 4 miners stays. Edit the miners again to change them back.',
    );
    undoMassEdit(t.db, undoToken, actor, later(30));
    expect(() => undoMassEdit(t.db, undoToken, actor, later(30))).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: 'This mass edit of 4 miners was already undone.' }),
    );
    expect(() => undoMassEdit(t.db, 'nope', actor, at)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(auditOf('miner.mass_edit_undone')).toHaveLength(4);
  });
});
