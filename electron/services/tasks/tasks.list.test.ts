import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, type Input } from '../../contract';
import { actor, makeManager, setOrganisation } from '../../../tests/helpers/client-fixtures';
import { makeFleet, type Fleet } from '../../../tests/helpers/fleet-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { listTasks } from './tasks.list';
import { addTaskMiners } from './tasks.miners';
import { addTaskComment, createTask } from './tasks.service';

let t: TempDb;
let fleet: Fleet;
let ids: Record<string, number>;
let otherPerson: number;

/** 2025-06-10 at 03:00 UTC: still 9 June in Chicago, already 10 June in UTC. */
const now = new Date('2025-06-10T03:00:00Z');

beforeEach(() => {
  t = openTempDb();
  fleet = makeFleet(t.db);
  setOrganisation(t.db, 'USD', 'America/Chicago');
  otherPerson = makeManager(t.db, 'Tom Field').id;
  const create = (input: Input<'tasks.create'>) => createTask(t.db, contract['tasks.create'].input.parse(input), actor).id;
  ids = {
    psu: create({
      title: 'Replace failed PSU',
      type: 'swap',
      priority: 'urgent',
      assigneeId: fleet.managerId,
      dueDate: '2025-06-08',
      minerIds: [fleet.miners[0].id],
    }),
    fan: create({
      title: 'Fan 3 at 0 RPM',
      type: 'repair',
      priority: 'high',
      dueDate: '2025-06-09',
      minerIds: [fleet.miners[2].id],
      description: 'Noisy bearing',
    }),
    dust: create({ title: 'Quarterly dust inspection', type: 'inspection', priority: 'low', assigneeId: otherPerson, status: 'in_progress' }),
    done: create({ title: 'Reboot after pool switch', type: 'reboot', status: 'done', dueDate: '2025-05-01', clientId: fleet.acme.id }),
  };
});
afterEach(() => t.close());

const list = (input: Input<'tasks.list'> = {}) => listTasks(t.db, contract['tasks.list'].input.parse(input), now);
const titles = (input: Input<'tasks.list'> = {}) => list(input).rows.map((row) => row.title);

describe('listTasks', () => {
  it('returns rows with assignee, client, counts and the overdue flag in the site calendar, due dates first', () => {
    addTaskComment(t.db, { taskId: ids.psu, body: 'PSU ordered' }, actor);
    addTaskMiners(t.db, { taskId: ids.psu, minerIds: [fleet.miners[1].id] }, actor);
    const page = list();
    expect(page.total).toBe(4);
    expect(page.statusCounts).toEqual({ open: 2, in_progress: 1, waiting_parts: 0, done: 1, cancelled: 0 });
    expect(page.rows.map((row) => [row.title, row.overdue])).toEqual([
      ['Reboot after pool switch', false], // done is never overdue
      ['Replace failed PSU', true],
      ['Fan 3 at 0 RPM', false], // due 9 June: today in Chicago, not before it
      ['Quarterly dust inspection', false],
    ]);
    expect(page.rows[1]).toMatchObject({ assignee: { name: 'Maria Lopez' }, client: { name: 'Acme Hashing' }, minerCount: 2, commentCount: 1 });
  });

  it('filters by overdue with a fixed today, and by due range', () => {
    expect(titles({ overdue: true })).toEqual(['Replace failed PSU']);
    expect(titles({ overdue: true, sort: 'due' })).toEqual(titles({ overdue: true }));
    expect(listTasks(t.db, contract['tasks.list'].input.parse({ overdue: true }), new Date('2025-06-10T12:00:00Z')).rows.map((r) => r.title)).toEqual([
      'Replace failed PSU',
      'Fan 3 at 0 RPM',
    ]);
    expect(titles({ dueFrom: '2025-06-01', dueTo: '2025-06-08' })).toEqual(['Replace failed PSU']);
  });

  it('filters by status, type, priority, assignee (or nobody), client, miner and search; status counts ignore the status filter', () => {
    const open = list({ statuses: ['open'] });
    expect(open.rows.map((r) => r.title)).toEqual(['Replace failed PSU', 'Fan 3 at 0 RPM']);
    expect(open.total).toBe(2);
    expect(open.statusCounts.done).toBe(1);
    expect(titles({ types: ['repair', 'reboot'] })).toEqual(['Reboot after pool switch', 'Fan 3 at 0 RPM']);
    expect(titles({ priorities: ['urgent', 'low'] })).toEqual(['Replace failed PSU', 'Quarterly dust inspection']);
    expect(titles({ assigneeIds: [otherPerson] })).toEqual(['Quarterly dust inspection']);
    expect(titles({ assigneeIds: ['unassigned'] })).toEqual(['Reboot after pool switch', 'Fan 3 at 0 RPM']);
    expect(titles({ clientId: fleet.boreal.id })).toEqual(['Fan 3 at 0 RPM']);
    expect(titles({ minerId: fleet.miners[0].id })).toEqual(['Replace failed PSU']);
    expect(titles({ search: 'bearing' })).toEqual(['Fan 3 at 0 RPM']);
    expect(titles({ search: `#${ids.dust}` })).toEqual(['Quarterly dust inspection']);
  });

  it('sorts by priority, status and title either way, and pages', () => {
    expect(titles({ sort: 'priority', dir: 'desc' })).toEqual([
      'Replace failed PSU',
      'Fan 3 at 0 RPM',
      'Reboot after pool switch',
      'Quarterly dust inspection',
    ]);
    expect(titles({ sort: 'status' })).toEqual(['Replace failed PSU', 'Fan 3 at 0 RPM', 'Quarterly dust inspection', 'Reboot after pool switch']);
    expect(titles({ sort: 'title', dir: 'desc', limit: 2, offset: 1 })).toEqual(['Reboot after pool switch', 'Quarterly dust inspection']);
    expect(list({ limit: 1 }).total).toBe(4);
  });
});
