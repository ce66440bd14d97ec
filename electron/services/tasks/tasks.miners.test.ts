import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, taskComments, taskMiners } from '../../../db/schema';
import { contract } from '../../contract';
import { actor } from '../../../tests/helpers/client-fixtures';
import { makeFleet, type Fleet } from '../../../tests/helpers/fleet-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { getTaskDetail } from './tasks.list';
import { addTaskMiners, removeTaskMiners } from './tasks.miners';
import { addTaskComment, createTask } from './tasks.service';

let t: TempDb;
let fleet: Fleet;
let taskId: number;
beforeEach(() => {
  t = openTempDb();
  fleet = makeFleet(t.db);
  taskId = createTask(t.db, contract['tasks.create'].input.parse({ title: 'Rack shipment', type: 'install', minerIds: [fleet.miners[0].id] }), actor).id;
});
afterEach(() => t.close());

const taskAudit = () =>
  t.db
    .select()
    .from(auditLog)
    .all()
    .filter((row) => row.entity === 'task')
    .map((row) => ({ action: row.action, after: JSON.parse(row.afterJson ?? 'null') as unknown }));
const linkedAssets = () => getTaskDetail(t.db, taskId, new Date()).miners.map((m) => m.assetId);

describe('task miners', () => {
  it('links new miners once, skipping ones already linked, and audits the asset IDs', () => {
    expect(addTaskMiners(t.db, { taskId, minerIds: [fleet.miners[0].id, fleet.miners[3].id, fleet.miners[4].id, fleet.miners[4].id] }, actor)).toEqual({
      added: 2,
    });
    expect(linkedAssets()).toEqual(['A-001', 'A-004', 'SPARE-1']);
    expect(taskAudit().at(-1)).toEqual({ action: 'task.miners_added', after: { miners: 'A-004, SPARE-1', minerCount: 2 } });
    expect(addTaskMiners(t.db, { taskId, minerIds: [fleet.miners[3].id] }, actor)).toEqual({ added: 0 });
    expect(taskAudit()).toHaveLength(2);
  });

  it('links nothing when one miner is missing, naming it', () => {
    expect(() => addTaskMiners(t.db, { taskId, minerIds: [fleet.miners[1].id, 777, 778] }, actor)).toThrow(
      'Miners #777, #778 do not exist, so no miner was linked.',
    );
    expect(t.db.select().from(taskMiners).all()).toHaveLength(1);
    expect(() => addTaskMiners(t.db, { taskId: 999, minerIds: [fleet.miners[1].id] }, actor)).toThrow('Task #999 was not found.');
  });

  it('unlinks linked miners only and audits them', () => {
    addTaskMiners(t.db, { taskId, minerIds: [fleet.miners[1].id] }, actor);
    expect(removeTaskMiners(t.db, { taskId, minerIds: [fleet.miners[0].id, fleet.miners[4].id] }, actor)).toEqual({ removed: 1 });
    expect(linkedAssets()).toEqual(['A-002']);
    expect(taskAudit().at(-1)).toEqual({ action: 'task.miners_removed', after: { miners: 'A-001', minerCount: 1 } });
    expect(removeTaskMiners(t.db, { taskId, minerIds: [fleet.miners[4].id] }, actor)).toEqual({ removed: 0 });
    expect(taskAudit()).toHaveLength(3);
  });
});

describe('task comments', () => {
  it('adds comments by the actor, oldest first, audited with the task client', () => {
    addTaskComment(t.db, { taskId, body: 'Arrived on pallet 3' }, 'ana');
    addTaskComment(t.db, { taskId, body: 'Racked and cabled' }, 'ben');
    const task = getTaskDetail(t.db, taskId, new Date());
    expect(task.comments.map((c) => [c.author, c.body])).toEqual([
      ['ana', 'Arrived on pallet 3'],
      ['ben', 'Racked and cabled'],
    ]);
    expect(task.commentCount).toBe(2);
    expect(taskAudit().at(-1)).toMatchObject({ action: 'task.commented', after: { comment: 'Racked and cabled' } });
    const row = t.db.select().from(auditLog).all().at(-1);
    expect(row?.clientId).toBe(fleet.acme.id);
  });

  it('refuses a comment on a missing task and writes nothing', () => {
    expect(() => addTaskComment(t.db, { taskId: 999, body: 'x' }, actor)).toThrow('Task #999 was not found.');
    expect(t.db.select().from(taskComments).all()).toEqual([]);
  });
});
