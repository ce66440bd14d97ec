import { describe, expect, it, vi } from 'vitest';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async () => ({ ok: true, value: 1 }));
const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: {
    invoke,
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => listeners.get(channel)?.delete(listener),
  },
}));

type Bridge = {
  invoke: (name: string, input: unknown, session?: string | null) => Promise<unknown>;
  onCommand: (listener: (id: string) => void) => () => void;
};
const send = (channel: string, ...args: unknown[]) => listeners.get(channel)?.forEach((listener) => listener({ sender: 'main' }, ...args));

describe('preload', () => {
  it('exposes window.api with invoke and onCommand, and nothing else', async () => {
    await import('./preload');
    expect(Object.keys(exposed)).toEqual(['api']);
    const api = exposed.api as Bridge;
    expect(Object.keys(api)).toEqual(['invoke', 'onCommand']);
    await api.invoke('settings.get', {});
    expect(invoke).toHaveBeenLastCalledWith('hashdesk:invoke', 'settings.get', {}, null);
    // A signed-in tab passes its session token along; nothing else crosses the bridge.
    await api.invoke('clients.list', { limit: 1 }, 'session-token');
    expect(invoke).toHaveBeenLastCalledWith('hashdesk:invoke', 'clients.list', { limit: 1 }, 'session-token');
  });

  it("passes the menu's command ids to the page, never the IPC event, and stops when unsubscribed", async () => {
    await import('./preload');
    const api = exposed.api as Bridge;
    const heard: unknown[][] = [];
    const unsubscribe = api.onCommand((...args) => heard.push(args));
    send('hashdesk:command', 'go.clients');
    send('hashdesk:command', { not: 'a string' });
    send('hashdesk:other', 'go.miners');
    expect(heard).toEqual([['go.clients']]);
    unsubscribe();
    send('hashdesk:command', 'go.miners');
    expect(heard).toEqual([['go.clients']]);
    expect(listeners.get('hashdesk:command')?.size).toBe(0);
  });
});
