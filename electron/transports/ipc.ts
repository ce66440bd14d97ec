import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Handlers, Logger } from '../contract';
import { isCallName } from '../contract';
import { failure } from '../contract/errors';
import { callerOf } from '../services/auth/auth.gate';
import type { AuthService } from '../services/auth/auth.service';
import { dispatch } from './dispatch';

export const ipcChannel = 'hashdesk:invoke';

const desktop = { userAgent: 'Hashdesk desktop', address: null };

/** One IPC handler dispatches every procedure by name; only our own page may call it. The preload passes the tab's session token, if any. */
export function registerIpc(ipcMain: IpcMain, handlers: Handlers, log: Logger, isAppUrl: (url: string) => boolean, auth: AuthService): void {
  ipcMain.handle(ipcChannel, (event: IpcMainInvokeEvent, name: unknown, input: unknown, session: unknown) => {
    if (!event.senderFrame || !isAppUrl(event.senderFrame.url)) return failure('FORBIDDEN', 'This window may not change data.');
    if (typeof name !== 'string' || !isCallName(name)) return failure('NOT_FOUND', `There is no API procedure named "${String(name)}".`);
    const token = typeof session === 'string' && session.length > 0 && session.length <= 128 ? session : null;
    const caller = callerOf(auth, name, token, desktop, 'local operator');
    return caller.ok ? dispatch(handlers, name, input, { ...caller.value, log }) : caller;
  });
}
