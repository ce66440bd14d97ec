import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDispatchDb, type DispatchDb } from '../../../tests/helpers/dispatch-db';
import { makeFleet, type Fleet } from '../../../tests/helpers/fleet-fixtures';

let t: DispatchDb['t'];
let run: DispatchDb['run'];
let log: DispatchDb['log'];
let fleet: Fleet;
beforeEach(() => {
  ({ t, run, log } = openDispatchDb());
  fleet = makeFleet(t.db);
});
afterEach(() => t.close());

describe('tasks procedures through dispatch', () => {
  it('creates a task for the selection, comments on it, closes it and lists it by client', async () => {
    const created = await run('tasks.create', {
      title: 'Hashboard 2 reports 0 chips',
      type: 'repair',
      dueDate: '',
      minerIds: [fleet.miners[2].id, fleet.miners[3].id],
    });
    expect(created).toMatchObject({ ok: true, value: { status: 'open', dueDate: null, client: { name: 'Boreal' }, minerCount: 2, createdBy: 'tester' } });
    const id = created.ok ? (created.value as { id: number }).id : 0;
    expect(await run('tasks.comments.add', { taskId: id, body: '  Board shipped to repair shop  ' })).toMatchObject({
      ok: true,
      value: { author: 'tester', body: 'Board shipped to repair shop' },
    });
    expect(await run('tasks.update', { id, status: 'done' })).toMatchObject({ ok: true, value: { status: 'done', commentCount: 1 } });
    const listed = await run('tasks.list', { clientId: fleet.boreal.id, statuses: ['done'] });
    expect(listed).toMatchObject({ ok: true, value: { total: 1, rows: [{ id, overdue: false }] } });
    expect(await run('audit.list', { entity: 'task', entityId: String(id) })).toMatchObject({ ok: true, value: { total: 3 } });
    expect(log.error).not.toHaveBeenCalled();
  });

  it('explains bad input in plain words and changes nothing', async () => {
    expect(await run('tasks.create', { title: '  ', type: 'repair' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Title: is required.', fields: { title: 'is required' } },
    });
    expect(await run('tasks.create', { title: 'Fix', type: 'repair', dueDate: '2025-02-30' })).toMatchObject({
      ok: false,
      error: { message: 'Due date: must be a real calendar date written YYYY-MM-DD, like 2025-03-31.' },
    });
    expect(await run('tasks.create', { title: 'Fix' })).toMatchObject({ ok: false, error: { message: 'Type: is required.' } });
    expect(await run('tasks.create', { title: 'Fix', type: 'paint' })).toMatchObject({
      ok: false,
      error: { message: 'Type: must be one of repair, reboot, swap, install, remove, inspection.' },
    });
    expect(await run('tasks.create', { title: 'Fix', type: 'repair', assigneeId: 99 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Staff member #99 was not found. Choose the assignee from the list.', fields: { assigneeId: 'was not found' } },
    });
    expect(await run('tasks.create', { title: 'Fix', type: 'repair', minerIds: [4242] })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Miner #4242 does not exist, so no task was created. Refresh the miners list and try again.' },
    });
    expect(await run('tasks.create', { title: 'Fix', type: 'repair', minerIds: [1], minerFilter: {} })).toMatchObject({
      ok: false,
      error: { message: 'Miner filter: give either the miners or the filter that selects them, not both.' },
    });
    expect(await run('tasks.update', { id: 1 })).toMatchObject({ ok: false, error: { message: 'Input: choose at least one thing to change.' } });
    expect(await run('tasks.comments.add', { taskId: 1, body: '' })).toMatchObject({ ok: false, error: { message: 'Body: is required.' } });
    expect(await run('tasks.get', { id: 5 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('Task #5 was not found') },
    });
    expect(await run('tasks.list', {})).toMatchObject({ ok: true, value: { total: 0 } });
    expect(log.error).not.toHaveBeenCalled();
  });
});
