import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, miners } from '../../../../db/schema';
import { makeFleet, type Fleet } from '../../../../tests/helpers/fleet-fixtures';
import { openTempDb, type TempDb } from '../../../../tests/helpers/temp-db';
import { csvImport } from './import.test-helpers';

let t: TempDb;
let fleet: Fleet;
let run: ReturnType<typeof csvImport>;
beforeEach(() => {
  t = openTempDb();
  fleet = makeFleet(t.db);
  run = csvImport(t.db);
});
afterEach(() => t.close());

const placeOf = (assetId: string) => {
  const row = t.db.select().from(miners).where(eq(miners.assetId, assetId)).get();
  return [row?.rackId, row?.rackPosition];
};
const snapshot = () => ({ miners: t.db.select().from(miners).all(), audit: t.db.select().from(auditLog).all().length });

// The fleet: in positions 1 and 2 of Midland's rack R1, A-003 in position 1 of Odessa's R1.
describe('import: rack positions within one file', () => {
  it('swaps two miners: both previewed as updates, committed, each audited with its old and new position', async () => {
    const csv = ['Asset ID,Position', 'A-001,2', 'A-002,1'].join('\n');
    const { rows } = await run.preview(csv);
    expect(rows.map((row) => [row.action, row.errors, row.changes])).toEqual([
      ['update', [], [{ field: 'position', before: '1', after: '2' }]],
      ['update', [], [{ field: 'position', before: '2', after: '1' }]],
    ]);
    expect(await run.commit(csv)).toMatchObject({ updated: 2 });
    expect([placeOf('A-001'), placeOf('A-002')]).toEqual([
      [fleet.midland.rackId, 2],
      [fleet.midland.rackId, 1],
    ]);
    const audit = t.db.select().from(auditLog).where(eq(auditLog.action, 'miner.updated')).all();
    expect(audit.map((row) => [row.entityId, JSON.parse(row.beforeJson ?? '{}'), JSON.parse(row.afterJson ?? '{}')])).toEqual([
      [String(fleet.miners[0].id), { rackPosition: 1 }, { rackPosition: 2, why: 'import' }],
      [String(fleet.miners[1].id), { rackPosition: 2 }, { rackPosition: 1, why: 'import' }],
    ]);
  });

  it('rotates three places, one of them a new miner taking a freed position, and a miner moving racks at the same number', async () => {
    const csv = [
      'Asset ID,Serial,Model,Site,Rack,Position',
      'A-001,,,,,3',
      ',NEW1,Antminer S21,Midland TX,R1,2',
      'A-002,,,Odessa TX,R1,1',
      'A-003,,,Midland TX,R1,1',
    ].join('\n');
    expect((await run.preview(csv)).rows.map((row) => row.errors)).toEqual([[], [], [], []]);
    expect(await run.commit(csv)).toMatchObject({ created: 1, updated: 3 });
    expect([placeOf('A-001'), placeOf('A-005'), placeOf('A-002'), placeOf('A-003')]).toEqual([
      [fleet.midland.rackId, 3],
      [fleet.midland.rackId, 2],
      [fleet.odessa.rackId, 1],
      [fleet.midland.rackId, 1],
    ]);
  });

  it('still refuses a position held by a miner the file does not move, naming both, and changes nothing', async () => {
    const csv = ['Asset ID,Position', 'A-001,2', 'A-002,2'].join('\n');
    const { rows } = await run.preview(csv);
    expect(rows.map((row) => row.errors)).toEqual([
      [
        'Miner A-001 cannot take position 2 of rack "R1": miner A-002 is there and this file does not move it; move A-002 in the same file, or choose a free position',
      ],
      ['Position 2 of rack "R1" is also given on row 2'],
    ]);
    const before = snapshot();
    await expect(run.commit(['Asset ID,Position', 'A-001,2'].join('\n'))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('Row 2: miner A-001 cannot take position 2 of rack "R1": miner A-002 is there'),
    });
    expect(snapshot()).toEqual(before);
  });
});
