import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseIpRange, type IpRange } from '../../../contract/ip-ranges';
import { sweep } from './sweep';
import { sweepOffThread } from './sweep-thread';
import type { Connector } from './tcp-connect';

const servers: net.Server[] = [];
const sockets = new Set<net.Socket>();
afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A listener on a loopback address that accepts and says nothing. */
async function listen(ip: string, port: number): Promise<void> {
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, ip, resolve));
}

const range = (text: string): IpRange => {
  const parsed = parseIpRange(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.range;
};

/** A connector that answers from a script, a turn later; counts the attempts it holds open. */
function scripted(answer: (ip: string, port: number, index: number) => string | null | 'never') {
  let started = 0;
  const open = new Set<number>();
  const connector: Connector = (ip, port, target) => {
    const index = started++;
    const result = answer(ip, port, index);
    open.add(index);
    if (result !== 'never')
      setImmediate(() => {
        if (!open.delete(index)) return;
        target.connected(result);
      });
    return { close: () => open.delete(index) };
  };
  return { connector, started: () => started, holding: () => open.size };
}

describe('sweep', () => {
  it('reports each host with open ports once, with all of them in the order given, and probes every address of the ranges', async () => {
    await listen('127.63.0.7', 14028);
    await listen('127.63.0.7', 18080);
    await listen('127.63.1.200', 14028);
    const found: [string, number[]][] = [];
    let lastProgress = 0;
    const result = await sweep([range('127.63.0.0-127.63.1.255')], {
      ports: [18080, 14028, 14433],
      concurrency: 96,
      connectTimeoutMs: 2_000,
      onOpenHost: (ip, ports) => found.push([ip, ports]),
      onProgress: (probed) => (lastProgress = probed),
    });
    expect(result).toEqual({ probedHosts: 512, totalHosts: 512, unreachableHosts: 0, failure: null });
    expect(lastProgress).toBe(512);
    expect(found.sort()).toEqual([
      ['127.63.0.7', [18080, 14028]],
      ['127.63.1.200', [14028]],
    ]);
  });

  it('stops when cancelled and closes every connect still in flight', async () => {
    const controller = new AbortController();
    const silent = scripted(() => 'never');
    const sweeping = sweep([range('127.63.0.0/16')], {
      ports: [80, 4028],
      concurrency: 64,
      connectTimeoutMs: 60_000,
      signal: controller.signal,
      connector: silent.connector,
      onOpenHost: () => undefined,
    });
    expect(silent.holding()).toBe(64);
    controller.abort();
    const result = await sweeping;
    expect(result).toMatchObject({ totalHosts: 65_536, probedHosts: 0, failure: null });
    expect(silent.holding()).toBe(0);
    expect(silent.started()).toBe(64);
  });

  it('counts addresses that never answer as silent once their wait is over, and goes on', async () => {
    const silent = scripted(() => 'never');
    const found: string[] = [];
    const result = await sweep([range('127.63.4.0/28')], {
      ports: [80, 4028, 4433],
      concurrency: 16,
      connectTimeoutMs: 50,
      connector: silent.connector,
      onOpenHost: (ip) => found.push(ip),
    });
    expect(result).toMatchObject({ probedHosts: 16, unreachableHosts: 0, failure: null });
    expect(found).toEqual([]);
    expect(silent.holding()).toBe(0);
  });

  it('stops with a plain-words failure when a connect fails for a reason that says nothing about the address (EMFILE)', async () => {
    const starved = scripted((_ip, _port, index) => (index < 40 ? 'ECONNREFUSED' : 'EMFILE'));
    const result = await sweep([range('127.63.0.0/16')], {
      ports: [80, 4028],
      concurrency: 8,
      connectTimeoutMs: 1_000,
      connector: starved.connector,
      onOpenHost: () => undefined,
    });
    expect(result.failure?.code).toBe('EMFILE');
    expect(result.failure?.message).toMatch(/^The scan stopped after \d+ of 65,536 addresses: this computer ran out of open connections \(EMFILE\)\./);
    expect(result.probedHosts).toBeLessThan(30);
    expect(starved.holding()).toBe(0);
  });

  it('counts addresses it has no route to, without stopping', async () => {
    const partly = scripted((ip) => (ip.endsWith('.3') ? 'ENETUNREACH' : ip.endsWith('.5') ? null : 'ECONNREFUSED'));
    const found: string[] = [];
    const result = await sweep([range('127.63.5.0/29')], {
      ports: [80],
      concurrency: 4,
      connectTimeoutMs: 1_000,
      connector: partly.connector,
      onOpenHost: (ip) => found.push(ip),
    });
    expect(result).toEqual({ probedHosts: 8, totalHosts: 8, unreachableHosts: 1, failure: null });
    expect(found).toEqual(['127.63.5.5']);
  });

  it('starts no more connects a second than the rate cap allows', async () => {
    vi.useFakeTimers({ now: 1_000_000, toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate'] });
    try {
      const refused = scripted(() => 'ECONNREFUSED');
      let done = false;
      const sweeping = sweep([range('127.63.7.0/24')], {
        ports: [80, 4028],
        concurrency: 64,
        connectTimeoutMs: 1_000,
        maxProbesPerSecond: 100,
        connector: refused.connector,
        onOpenHost: () => undefined,
      }).then((result) => ((done = true), result));
      await vi.advanceTimersByTimeAsync(1_000);
      expect(refused.started()).toBeGreaterThanOrEqual(95);
      expect(refused.started()).toBeLessThanOrEqual(106);
      await vi.advanceTimersByTimeAsync(4_200);
      expect(done).toBe(true);
      expect((await sweeping).probedHosts).toBe(256);
    } finally {
      vi.useRealTimers();
    }
  });

  it('survives a connector that answers at once, without nesting a call per address', async () => {
    const immediate: Connector = (_ip, _port, target) => {
      target.connected('ECONNREFUSED');
      return { close: () => undefined };
    };
    const result = await sweep([range('127.63.0.0/16')], {
      ports: [80, 4028, 4433],
      concurrency: 4,
      connectTimeoutMs: 100,
      connector: immediate,
      onOpenHost: () => undefined,
    });
    expect(result.probedHosts).toBe(65_536);
  });

  it('runs in a thread of its own: open hosts and progress come back, and cancel stops it', async () => {
    await listen('127.63.6.20', 14028);
    const found: [string, number[]][] = [];
    let progress = 0;
    const whole = await sweepOffThread([range('127.63.6.0/24')], {
      ports: [14028, 14029],
      concurrency: 64,
      connectTimeoutMs: 2_000,
      onOpenHost: (ip, ports) => found.push([ip, ports]),
      onProgress: (probed) => (progress = probed),
    });
    expect(whole).toEqual({ probedHosts: 256, totalHosts: 256, unreachableHosts: 0, failure: null });
    expect(found).toEqual([['127.63.6.20', [14028]]]);
    expect(progress).toBe(256);

    const controller = new AbortController();
    const cancelled = sweepOffThread([range('127.64.0.0/16')], {
      ports: [14028, 14029, 14030],
      concurrency: 16,
      connectTimeoutMs: 2_000,
      signal: controller.signal,
      onOpenHost: () => undefined,
      onProgress: (probed) => {
        if (probed > 0) controller.abort();
      },
    });
    expect((await cancelled).probedHosts).toBeLessThan(65_536);
  });
});
