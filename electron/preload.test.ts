import { describe, expect, it, vi } from 'vitest';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async () => ({ ok: true, value: 1 }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke },
}));

describe('preload', () => {
  it('exposes one invoke function on window.api and nothing else', async () => {
    await import('./preload');
    expect(Object.keys(exposed)).toEqual(['api']);
    const api = exposed.api as { invoke: (name: string, input: unknown, session?: string | null) => Promise<unknown> };
    expect(Object.keys(api)).toEqual(['invoke']);
    await api.invoke('settings.get', {});
    expect(invoke).toHaveBeenLastCalledWith('hashdesk:invoke', 'settings.get', {}, null);
    // A signed-in tab passes its session token along; nothing else crosses the bridge.
    await api.invoke('clients.list', { limit: 1 }, 'session-token');
    expect(invoke).toHaveBeenLastCalledWith('hashdesk:invoke', 'clients.list', { limit: 1 }, 'session-token');
  });
});
