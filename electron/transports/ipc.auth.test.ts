import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, authWithClock, setUpAdministrator } from '../../tests/helpers/auth-fixtures';
import { openTempDb, type TempDb } from '../../tests/helpers/temp-db';
import { createHandlers } from '../services/handlers';
import { isAppUrl } from '../window-options';
import { ipcChannel, registerIpc } from './ipc';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;
let t: TempDb;
let clock: ReturnType<typeof authWithClock>;
let listener: Listener;

beforeEach(() => {
  t = openTempDb();
  clock = authWithClock(t.db);
  const fakeIpc = { handle: (channel: string, fn: Listener) => channel === ipcChannel && (listener = fn) } as unknown as IpcMain;
  registerIpc(fakeIpc, createHandlers(t.db, { version: 'test', auth: clock.auth }), { error: () => {}, info: () => {} }, isAppUrl, clock.auth);
});
afterEach(() => t.close());

const page = { senderFrame: { url: 'app://hashdesk/' } } as unknown as IpcMainInvokeEvent;

describe('IPC transport with accounts', () => {
  it('resolves the session the preload passes, as HTTP does', async () => {
    expect(await listener(page, 'clients.list', {})).toMatchObject({ ok: true });
    await setUpAdministrator(clock.auth);
    expect(await listener(page, 'clients.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await listener(page, 'clients.list', {}, 42)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const tech = await addUser(clock.auth, 'Tess Tech', 'tess', 'technician');
    expect(await listener(page, 'clients.list', {}, tech.token)).toMatchObject({ ok: true });
    expect(await listener(page, 'payments.record', {}, tech.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: /billing\.edit/ } });
    expect(await listener(page, 'auth.me', {}, tech.token)).toMatchObject({ ok: true, value: { user: { name: 'Tess Tech', roleLabel: 'Technician' } } });
  });
});
