import { describe, expect, it } from 'vitest';
import { contract } from '../../../electron/contract';
import { readTaskView, taskListInput, writeTaskView } from './task-params';

describe('task list view in the URL', () => {
  it('reads the clients tasks bar link and keeps the URL short', () => {
    const view = readTaskView(new URLSearchParams('client=12'));
    expect(view).toMatchObject({ clientId: 12, statuses: [], sort: 'due', dir: 'asc', page: 1, taskId: null });
    expect(writeTaskView(view).toString()).toBe('client=12');
  });

  it('round-trips every filter and drops values it does not know', () => {
    const text =
      'q=fan&status=open%2Cwaiting_parts&type=repair&priority=urgent&assignee=3%2Cunassigned&client=2&miner=9&overdue=1&from=2025-01-01&to=2025-02-01&sort=priority&dir=desc&page=2&task=5';
    expect(writeTaskView(readTaskView(new URLSearchParams(text))).toString()).toBe(text);
    const bad = readTaskView(new URLSearchParams('status=open,nope&assignee=x,-1,4&client=abc&from=yesterday&sort=size'));
    expect(bad).toMatchObject({ statuses: ['open'], assigneeIds: [4], clientId: null, dueFrom: null, sort: 'due' });
  });

  it('gives an input the tasks.list schema accepts', () => {
    const view = readTaskView(new URLSearchParams('assignee=unassigned&status=done&page=3&task=7'));
    const parsed = contract['tasks.list'].input.parse(taskListInput(view));
    expect(parsed).toMatchObject({ assigneeIds: ['unassigned'], statuses: ['done'], offset: 100, limit: 50 });
  });
});
