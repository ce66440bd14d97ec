import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { appCommandChannel } from './contract/app-commands';

// The whole bridge: one function to call the API, one to hear the native menu's commands. The renderer's typed client
// lives in renderer/api/client.ts; it passes its session token, if any. (The build bundles the import above into
// this one file, as a sandboxed preload needs.)
contextBridge.exposeInMainWorld('api', {
  invoke: (name: string, input: unknown, session?: string | null): Promise<unknown> => ipcRenderer.invoke('hashdesk:invoke', name, input, session ?? null),
  /** Calls `listener` with each command id the menu sends (the page checks it is one it knows); returns the unsubscribe. */
  onCommand: (listener: (id: string) => void): (() => void) => {
    const forward = (_event: IpcRendererEvent, id: unknown) => {
      if (typeof id === 'string') listener(id);
    };
    ipcRenderer.on(appCommandChannel, forward);
    return () => ipcRenderer.removeListener(appCommandChannel, forward);
  },
});
