import type { Db } from '../../db/open-db';
import type { CallName, Handlers } from '../contract';
import { callNames } from '../contract';
import { AppError } from '../contract/errors';
import { hasNoChanges, listAudit } from './audit/audit.service';
import { seedDemo } from './demo/demo.service';
import { getSettings, updateSettings } from './settings/settings.service';

export type HandlerDeps = { version: string };

/** Binds every contract entry to its service function; the compiler rejects a missing one. */
export function createHandlers(db: Db, deps: HandlerDeps): Handlers {
  // Temporary while the clients backend lands (issue 4): the contract is published first so the UI can be built against it.
  const notBuiltYet = Object.fromEntries(
    callNames
      .filter((name: CallName) => name.startsWith('clients.') || name.startsWith('staff.'))
      .map((name) => [name, async () => Promise.reject(new AppError('INTERNAL', `${name} is not available in this build yet.`))]),
  ) as unknown as Pick<Handlers, Exclude<CallName, 'app.info' | 'demo.seed' | 'audit.list' | 'settings.get' | 'settings.update'>>;
  return {
    ...notBuiltYet,
    'app.info': async () => ({ version: deps.version, isEmpty: hasNoChanges(db) }),
    'demo.seed': async (_input, ctx) => seedDemo(db, ctx.actor),
    'audit.list': async (input) => listAudit(db, input),
    'settings.get': async () => getSettings(db),
    'settings.update': async (input, ctx) => updateSettings(db, input, ctx.actor),
  };
}
