import type { Db } from '../../db/open-db';
import type { Handlers } from '../contract';
import { hasNoChanges, listAudit } from './audit/audit.service';
import { seedDemo } from './demo/demo.service';
import { getSettings, updateSettings } from './settings/settings.service';

export type HandlerDeps = { version: string };

/** Binds every contract entry to its service function; the compiler rejects a missing one. */
export function createHandlers(db: Db, deps: HandlerDeps): Handlers {
  return {
    'app.info': async () => ({ version: deps.version, isEmpty: hasNoChanges(db) }),
    'demo.seed': async (_input, ctx) => seedDemo(db, ctx.actor),
    'audit.list': async (input) => listAudit(db, input),
    'settings.get': async () => getSettings(db),
    'settings.update': async (input, ctx) => updateSettings(db, input, ctx.actor),
  };
}
