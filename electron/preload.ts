import { contextBridge, ipcRenderer } from 'electron';

// The whole bridge: one function. The renderer's typed client lives in renderer/api/client.ts.
contextBridge.exposeInMainWorld('api', {
  invoke: (name: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('hashdesk:invoke', name, input),
});
