import { vi } from 'vitest';
import type { CallName } from '../../electron/contract';
import { permissionsOfRole } from '../../electron/contract/roles';
import { createHandlers } from '../../electron/services/handlers';
import { dispatch } from '../../electron/transports/dispatch';
import { openTempDb, type TempDb } from './temp-db';

/** A fresh database behind the real handlers: `run` calls a procedure as a transport would, `log` records unexpected failures. */
export function openDispatchDb() {
  const t: TempDb = openTempDb();
  const handlers = createHandlers(t.db, { version: 'test' });
  const log = { error: vi.fn(), info: vi.fn() };
  const run = (name: CallName, input: unknown) => dispatch(handlers, name, input, { actor: 'tester', log, permissions: permissionsOfRole('administrator') });
  return { t, log, run };
}

export type DispatchDb = ReturnType<typeof openDispatchDb>;
