import { and, eq, isNull } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, minerIdentityHistory, miners } from '../../../../db/schema';
import { makeFleet, type Fleet } from '../../../../tests/helpers/fleet-fixtures';
import { openTempDb, type TempDb } from '../../../../tests/helpers/temp-db';
import { getMinerDetail } from '../miners.list';
import { csvImport } from './import.test-helpers';

let t: TempDb;
let fleet: Fleet;
let run: ReturnType<typeof csvImport>;
beforeEach(() => {
  t = openTempDb();
  fleet = makeFleet(t.db);
  run = csvImport(t.db);
  t.db.update(miners).set({ workerName: 'acme.w1', notes: 'loose fan', firmware: 'braiins 24.03' }).where(eq(miners.assetId, 'A-001')).run();
});
afterEach(() => t.close());

const snapshot = () => ({ miners: t.db.select().from(miners).all(), audit: t.db.select().from(auditLog).all().length });

describe('import: a blank cell keeps, (clear) empties', () => {
  const csv = [
    'Asset ID,Hostname,Firmware,Worker,Client,Rack,Tags,Notes',
    'A-001,(clear),(CLEAR),(clear),(Clear),(clear),(clear), (clear) ',
    'A-002,,,,,,,',
  ].join('\n');

  it('previews which fields a row clears, and a blank row as unchanged', async () => {
    await run.commit('Asset ID,Tags\nA-001,hydro;B7');
    const { rows, summary } = await run.preview(csv);
    expect(rows[0]).toMatchObject({ row: 2, action: 'update', assetId: 'A-001', errors: [] });
    expect(rows[0].changes).toEqual([
      { field: 'hostname', before: 'mid-1', after: 'none', cleared: true },
      { field: 'firmware', before: 'braiins 24.03', after: 'none', cleared: true },
      { field: 'worker', before: 'acme.w1', after: 'none', cleared: true },
      { field: 'notes', before: 'loose fan', after: 'none', cleared: true },
      { field: 'rack', before: 'R1', after: 'none', cleared: true },
      { field: 'position', before: '1', after: 'none', cleared: true },
      { field: 'clientName', before: 'Acme Hashing (ops@acme.com)', after: 'none', cleared: true },
      // Unassigning makes the machine unassigned, as a mass edit does: a change, not a clear.
      { field: 'state', before: 'assigned', after: 'unassigned' },
      { field: 'tags', before: 'B7, hydro', after: 'none', cleared: true },
    ]);
    expect(rows[1]).toMatchObject({ row: 3, action: 'unchanged', changes: [] });
    expect(summary).toMatchObject({ update: 1, unchanged: 1, error: 0 });
  });

  it('commits the cleared fields: client unassigned through the history, identity history closed, out of the rack, audited', async () => {
    const a1 = fleet.miners[0].id;
    await run.commit('Asset ID,Tags\nA-001,hydro');
    const result = await run.commit(csv);
    expect(result).toMatchObject({ updated: 1, unchanged: 1, created: 0 });
    const detail = getMinerDetail(t.db, a1);
    expect(detail).toMatchObject({ hostname: null, firmware: null, workerName: null, notes: '', client: null, state: 'unassigned', tags: [] });
    expect(detail.assignments.every((a) => a.toAt !== null)).toBe(true);
    expect(t.db.select().from(miners).where(eq(miners.id, a1)).get()).toMatchObject({ rackId: null, rackPosition: null, siteId: fleet.midland.siteId });
    const openHostname = t.db
      .select()
      .from(minerIdentityHistory)
      .where(and(eq(minerIdentityHistory.minerId, a1), eq(minerIdentityHistory.kind, 'hostname'), isNull(minerIdentityHistory.toAt)))
      .all();
    expect(openHostname).toEqual([]);
    const updated = t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, String(a1)), eq(auditLog.action, 'miner.updated')))
      .all()
      .at(-1);
    // A miner leaving for no client stays in its last client's activity.
    expect(updated?.clientId).toBe(fleet.acme.id);
    expect(JSON.parse(updated?.beforeJson ?? '{}')).toMatchObject({ hostname: 'mid-1', rackId: fleet.midland.rackId, rackPosition: 1, tags: ['hydro'] });
    expect(JSON.parse(updated?.afterJson ?? '{}')).toMatchObject({ hostname: null, rackId: null, rackPosition: null, notes: '', tags: [], why: 'import' });
    // The other miner kept everything.
    expect(getMinerDetail(t.db, fleet.miners[1].id)).toMatchObject({ hostname: 'mid-2', client: { id: fleet.acme.id } });
  });

  it('clears a position alone and keeps the rack; a new miner with (clear) cells is simply created without them', async () => {
    await run.commit(['Asset ID,Position', 'A-002,(clear)'].join('\n'));
    expect(t.db.select().from(miners).where(eq(miners.assetId, 'A-002')).get()).toMatchObject({ rackId: fleet.midland.rackId, rackPosition: null });
    await run.commit(['Serial,Model,Client,Notes', 'NEW9,Antminer S21,(clear),(clear)'].join('\n'));
    expect(t.db.select().from(miners).where(eq(miners.serial, 'NEW9')).get()).toMatchObject({ clientId: null, state: 'unassigned', notes: '' });
  });

  it('refuses (clear) where a miner must keep a value, or where the row contradicts itself, naming the row; nothing changes', async () => {
    const bad = [
      'Asset ID,IP,Model,Paid,Client e-mail,Client,Rack,Position',
      'A-001,(clear),(clear),(clear),,,,',
      'A-002,,,,(clear),Boreal,,',
      'A-003,,,,,,(clear),4',
    ].join('\n');
    const { rows } = await run.preview(bad);
    const only = 'only Hostname, Firmware, Worker, Client e-mail, Client, Rack, Position, Tags, Notes can';
    expect(rows.map((row) => row.errors)).toEqual([
      [`IP cannot be emptied with (clear); ${only}`, `Model cannot be emptied with (clear); ${only}`, `Paid cannot be emptied with (clear); ${only}`],
      ['The client is emptied with (clear) but also given as "Boreal"; leave one of the two client cells blank'],
      ['Position 4 cannot be set while the rack is emptied with (clear); leave the position blank'],
    ]);
    const before = snapshot();
    await expect(run.commit(bad)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/^Nothing was imported: 3 rows have errors\./),
    });
    expect(snapshot()).toEqual(before);
  });
});
