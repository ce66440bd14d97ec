import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Handlers, Logger } from '../contract';
import { isCallName } from '../contract';
import { failure } from '../contract/errors';
import { permissionsOfRole } from '../contract/roles';
import { dispatch } from './dispatch';

export const ipcChannel = 'hashdesk:invoke';

/** One IPC handler dispatches every procedure by name; only our own page may call it. */
export function registerIpc(ipcMain: IpcMain, handlers: Handlers, log: Logger, isAppUrl: (url: string) => boolean): void {
  ipcMain.handle(ipcChannel, (event: IpcMainInvokeEvent, name: unknown, input: unknown) => {
    if (!event.senderFrame || !isAppUrl(event.senderFrame.url)) return failure('FORBIDDEN', 'This window may not change data.');
    if (typeof name !== 'string' || !isCallName(name)) return failure('NOT_FOUND', `There is no API procedure named "${String(name)}".`);
    return dispatch(handlers, name, input, { actor: 'local operator', log, permissions: permissionsOfRole('administrator') });
  });
}
