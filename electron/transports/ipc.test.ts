import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempDb, type TempDb } from '../../tests/helpers/temp-db';
import { createAuth } from '../services/auth/auth.service';
import { createHandlers } from '../services/handlers';
import { isAppUrl } from '../window-options';
import { ipcChannel, registerIpc } from './ipc';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;
const silentLog = { error: () => {}, info: () => {} };
let t: TempDb;
let listener: Listener;

beforeEach(() => {
  t = openTempDb();
  const fakeIpc = { handle: (channel: string, fn: Listener) => channel === ipcChannel && (listener = fn) } as unknown as IpcMain;
  registerIpc(fakeIpc, createHandlers(t.db, { version: 'test' }), silentLog, isAppUrl, createAuth(t.db));
});
afterEach(() => t.close());

const from = (url: string) => ({ senderFrame: { url } }) as unknown as IpcMainInvokeEvent;

describe('IPC transport', () => {
  it('dispatches a named procedure from our own page', async () => {
    expect(await listener(from('app://hashdesk/settings'), 'app.info', {})).toEqual({
      ok: true,
      value: { version: 'test', isEmpty: true, keyStorage: 'not_applicable', dataFolder: expect.any(String), canOpenDataFolder: false },
    });
  });
  it('refuses frames that are not our app, and unknown procedure names', async () => {
    expect(await listener(from('https://evil.example/'), 'demo.seed', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await listener(from('app://hashdesk/'), 'nope.nothing', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await listener(from('app://hashdesk/'), 'settings.update', { organisationName: 5 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
