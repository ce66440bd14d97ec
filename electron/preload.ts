import { contextBridge, ipcRenderer } from 'electron';

// The whole bridge: one function. The renderer's typed client lives in renderer/api/client.ts; it passes its session token, if any.
contextBridge.exposeInMainWorld('api', {
  invoke: (name: string, input: unknown, session?: string | null): Promise<unknown> => ipcRenderer.invoke('hashdesk:invoke', name, input, session ?? null),
});
