import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseIpRange, type IpRange } from '../../../contract/ip-ranges';
import { probePort } from './port-probe';
import { sweep } from './sweep';

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

describe('sweep', () => {
  it('reports each host with open ports once, with all of them, and probes every address of the ranges', async () => {
    await listen('127.63.0.7', 14028);
    await listen('127.63.0.7', 18080);
    await listen('127.63.1.200', 14028);
    const found: [string, number[]][] = [];
    let lastProgress = 0;
    const result = await sweep([range('127.63.0.0-127.63.1.255')], {
      ports: [14028, 18080, 14433],
      concurrency: 96,
      connectTimeoutMs: 2_000,
      onOpenHost: (ip, ports) => found.push([ip, ports]),
      onProgress: (probed) => (lastProgress = probed),
    });
    expect(result).toEqual({ probedHosts: 512, totalHosts: 512 });
    expect(lastProgress).toBe(512);
    expect(found.sort()).toEqual([
      ['127.63.0.7', [14028, 18080]],
      ['127.63.1.200', [14028]],
    ]);
  });

  it('stops early when cancelled', async () => {
    const controller = new AbortController();
    let probed = 0;
    const result = await sweep([range('127.63.0.0/16')], {
      ports: [14028],
      concurrency: 8,
      connectTimeoutMs: 500,
      signal: controller.signal,
      onOpenHost: () => undefined,
      onProgress: (n) => {
        probed = n;
        if (n === 100) controller.abort();
      },
    });
    expect(result.totalHosts).toBe(65_536);
    expect(result.probedHosts).toBeLessThan(200);
    expect(probed).toBe(result.probedHosts);
  });

  it('tells open, closed and silent ports apart', async () => {
    await listen('127.63.2.1', 14028);
    expect(await probePort('127.63.2.1', 14028, 1_000)).toBe('open');
    expect(await probePort('127.63.2.1', 14029, 1_000)).toBe('closed');
    const controller = new AbortController();
    controller.abort();
    expect(await probePort('127.63.2.1', 14028, 1_000, controller.signal)).toBe('silent');
  });
});
