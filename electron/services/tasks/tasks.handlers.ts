import type { taskCalls } from '../../contract/tasks';
import { clientScopeOf } from '../client-scope/client-scope';
import type { DomainHandlers, NamesOf, SharedServices } from '../handler-kit';
import { getTaskDetail, listTasks } from './tasks.list';
import { addTaskMiners, removeTaskMiners } from './tasks.miners';
import { addTaskComment, createTask, updateTask } from './tasks.service';

export function taskHandlers({ db }: SharedServices): DomainHandlers<NamesOf<typeof taskCalls>> {
  return {
    'tasks.list': async (input, ctx) => listTasks(db, input, new Date(), clientScopeOf(db, ctx.origin)),
    'tasks.get': async (input) => getTaskDetail(db, input.id, new Date()),
    'tasks.create': async (input, ctx) => getTaskDetail(db, createTask(db, input, ctx.actor).id, new Date()),
    'tasks.update': async (input, ctx) => getTaskDetail(db, updateTask(db, input, ctx.actor).id, new Date()),
    'tasks.miners.add': async (input, ctx) => addTaskMiners(db, input, ctx.actor),
    'tasks.miners.remove': async (input, ctx) => removeTaskMiners(db, input, ctx.actor),
    'tasks.comments.add': async (input, ctx) => addTaskComment(db, input, ctx.actor),
  };
}
