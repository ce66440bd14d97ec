import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, taskMiners, tasks } from '../../../db/schema';
import { contract, type Input } from '../../contract';
import { actor, makeClient, makeManager } from '../../../tests/helpers/client-fixtures';
import { makeFleet, type Fleet } from '../../../tests/helpers/fleet-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { archiveClient } from '../clients/clients.service';
import { updateStaff } from '../staff/staff.service';
import { getTaskDetail } from './tasks.list';
import { createTask, updateTask } from './tasks.service';

let t: TempDb;
let fleet: Fleet;
beforeEach(() => {
  t = openTempDb();
  fleet = makeFleet(t.db);
});
afterEach(() => t.close());

const create = (input: Input<'tasks.create'>) => createTask(t.db, contract['tasks.create'].input.parse(input), actor);
const update = (input: Input<'tasks.update'>) => updateTask(t.db, contract['tasks.update'].input.parse(input), actor);
const taskAudit = () =>
  t.db
    .select()
    .from(auditLog)
    .all()
    .filter((row) => row.entity === 'task');
const detail = (id: number) => getTaskDetail(t.db, id, new Date());

describe('createTask', () => {
  it('opens a task with its miners and links the one client they all belong to', () => {
    const [a1, a2] = fleet.miners;
    const row = create({
      title: 'Replace failed PSU',
      type: 'swap',
      priority: 'high',
      assigneeId: fleet.managerId,
      dueDate: '2025-06-01',
      minerIds: [a1.id, a2.id],
    });
    expect(row).toMatchObject({ status: 'open', clientId: fleet.acme.id, createdBy: actor, closedAt: null });
    const task = detail(row.id);
    expect(task).toMatchObject({ client: { id: fleet.acme.id, name: 'Acme Hashing' }, assignee: { id: fleet.managerId }, minerCount: 2, commentCount: 0 });
    expect(task.miners.map((m) => [m.assetId, m.ip, m.siteName, m.client?.name])).toEqual([
      ['A-001', '127.60.0.11', 'Midland TX', 'Acme Hashing'],
      ['A-002', '127.60.0.12', 'Midland TX', 'Acme Hashing'],
    ]);
    const [audit] = taskAudit();
    expect(audit).toMatchObject({ action: 'task.created', entityId: String(row.id), clientId: fleet.acme.id, actor });
    expect(JSON.parse(audit.afterJson ?? '{}')).toMatchObject({ title: 'Replace failed PSU', miners: 'A-001, A-002', minerCount: 2 });
  });

  it('leaves the client empty when the miners belong to several clients, and keeps a given client', () => {
    const mixed = create({ title: 'Inspect row', type: 'inspection', minerIds: fleet.miners.map((m) => m.id) });
    expect(mixed.clientId).toBeNull();
    const given = create({ title: 'Move', type: 'remove', clientId: fleet.boreal.id, minerIds: [fleet.miners[0].id] });
    expect(given.clientId).toBe(fleet.boreal.id);
  });

  it('links every miner the Miners filter matches', () => {
    const row = create({ title: 'Reboot offline', type: 'reboot', minerFilter: { statuses: ['offline'] } });
    expect(detail(row.id).miners.map((m) => m.assetId)).toEqual(['A-002']);
    expect(row.clientId).toBe(fleet.acme.id);
    expect(() => create({ title: 'None', type: 'reboot', minerFilter: { search: 'nothing-like-this' } })).toThrow('No miner matches the filter');
  });

  it('creates nothing when a miner is missing, naming it', () => {
    expect(() => create({ title: 'Fix', type: 'repair', minerIds: [fleet.miners[0].id, 4242] })).toThrow(
      'Miner #4242 does not exist, so no task was created. Refresh the miners list and try again.',
    );
    expect(t.db.select().from(tasks).all()).toEqual([]);
    expect(t.db.select().from(taskMiners).all()).toEqual([]);
    expect(taskAudit()).toEqual([]);
  });

  it('refuses unknown or inactive staff and archived or unknown clients in plain words', () => {
    expect(() => create({ title: 'Fix', type: 'repair', assigneeId: 999 })).toThrow('Staff member #999 was not found. Choose the assignee from the list.');
    const gone = makeManager(t.db, 'Old Timer');
    updateStaff(t.db, { id: gone.id, name: 'Old Timer', email: null, phone: '', active: false }, actor);
    expect(() => create({ title: 'Fix', type: 'repair', assigneeId: gone.id })).toThrow(
      'Old Timer is no longer active staff. Assign the task to an active person.',
    );
    expect(() => create({ title: 'Fix', type: 'repair', clientId: 999 })).toThrow('Client #999 was not found.');
    const client = makeFleetClientArchived();
    expect(() => create({ title: 'Fix', type: 'repair', clientId: client })).toThrow('is archived, so no task can be linked to it');
    expect(t.db.select().from(tasks).all()).toEqual([]);
  });

  it('stamps closedAt on a task created done', () => {
    expect(create({ title: 'Done already', type: 'reboot', status: 'done' }).closedAt).not.toBeNull();
  });
});

/** A client with no miners, archived. */
function makeFleetClientArchived(): number {
  const client = makeClient(t.db, { name: 'Gone Mining', managerId: fleet.managerId });
  archiveClient(t.db, client.id, actor);
  return client.id;
}

describe('updateTask', () => {
  it('audits only the changed fields, with the client, and writes nothing when nothing changed', () => {
    const row = create({ title: 'Fan 3 at 0 RPM', type: 'repair', clientId: fleet.acme.id, dueDate: '2025-06-01' });
    const updated = update({ id: row.id, title: 'Fan 3 at 0 RPM', priority: 'urgent', dueDate: '', assigneeId: fleet.managerId });
    expect(updated).toMatchObject({ priority: 'urgent', dueDate: null, assigneeId: fleet.managerId });
    const rows = taskAudit();
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ action: 'task.updated', clientId: fleet.acme.id });
    expect(JSON.parse(rows[1].beforeJson ?? '')).toEqual({ priority: 'normal', assigneeId: null, dueDate: '2025-06-01' });
    expect(JSON.parse(rows[1].afterJson ?? '')).toEqual({ priority: 'urgent', assigneeId: fleet.managerId, dueDate: null });
    update({ id: row.id, priority: 'urgent' });
    expect(taskAudit()).toHaveLength(2);
  });

  it('sets closedAt when done or cancelled, keeps it between them, and clears it when reopened', () => {
    const row = create({ title: 'Swap board', type: 'swap' });
    const started = update({ id: row.id, status: 'in_progress' });
    expect(started.closedAt).toBeNull();
    const done = update({ id: row.id, status: 'done' });
    expect(done.closedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(update({ id: row.id, status: 'cancelled' }).closedAt).toBe(done.closedAt);
    expect(update({ id: row.id, status: 'waiting_parts' }).closedAt).toBeNull();
    const last = taskAudit().at(-1);
    expect(JSON.parse(last?.afterJson ?? '')).toEqual({ status: 'waiting_parts', closedAt: null });
  });

  it('keeps an assignee who left, but refuses to give them a new task; refuses an archived client', () => {
    const person = makeManager(t.db, 'Leaving Soon');
    const row = create({ title: 'Check PDU', type: 'inspection', assigneeId: person.id });
    updateStaff(t.db, { id: person.id, name: 'Leaving Soon', email: null, phone: '', active: false }, actor);
    expect(update({ id: row.id, assigneeId: person.id, title: 'Check PDU 2' }).title).toBe('Check PDU 2');
    const other = create({ title: 'Other', type: 'inspection' });
    expect(() => update({ id: other.id, assigneeId: person.id })).toThrow('Leaving Soon is no longer active staff');
    const archived = makeFleetClientArchived();
    expect(() => update({ id: other.id, clientId: archived })).toThrow('is archived');
    expect(() => update({ id: 4242, title: 'x' })).toThrow('Task #4242 was not found.');
  });
});
