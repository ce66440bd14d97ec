// Each misbehaviour is real on the wire: a client sees exactly the fault it must survive.
import { afterAll, describe, expect, it } from 'vitest';
import { quirkTimings, type QuirkName } from './quirks';
import { startSimulator, type Simulator } from './simulator';
import { exchange } from './test-clients';

const running: Simulator[] = [];
afterAll(() => Promise.all(running.map((sim) => sim.stop())));

/** One Antminer at 127.61.2.<n> that always shows `quirk`. */
async function quirkyMiner(quirk: QuirkName, n: number): Promise<string> {
  const sim = await startSimulator({ count: 1, base: `127.61.2.${n}/32`, families: ['antminer'], quirkRate: 1, quirks: [quirk] });
  running.push(sim);
  expect(sim.hosts[0].quirk).toBe(quirk);
  return sim.hosts[0].ip;
}

describe('quirks', () => {
  it('malformed JSON: }{ between objects, a trailing comma and inf/nan, repairable to the true reply', async () => {
    const ip = await quirkyMiner('malformed-json', 1);
    const reply = await exchange(ip, 4028, '{"command":"summary+pools"}');
    const text = reply.bytes.toString('utf8').replace(/\0$/, '');
    expect(text).toContain('}{');
    expect(text).toMatch(/"Utility":inf/);
    expect(text).toMatch(/"Work Utility":nan/);
    expect(text).toMatch(/,\}$/);
    expect(() => JSON.parse(text)).toThrow();
    const repaired = text
      .replace(/\}\{/g, '},{')
      .replace(/,\s*([}\]])/g, '$1')
      .replace(/\b(-?inf|nan)\b/g, 'null');
    const parsed = JSON.parse(repaired) as { pools: { POOLS: { User: string }[] }[] };
    expect(parsed.pools[0].POOLS.length).toBeGreaterThan(0);
  });

  it('slow: the reply comes, but only after the delay', async () => {
    const ip = await quirkyMiner('slow', 2);
    const startedAt = Date.now();
    const reply = await exchange(ip, 4028, '{"command":"version"}', { timeoutMs: quirkTimings.slowReplyMs + 2_000 });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(quirkTimings.slowReplyMs - 50);
    expect(reply.end).toBe('close');
    expect(reply.bytes.toString('utf8')).toContain('"VERSION"');
  });

  it('trickle: the reply starts but arrives a byte at a time, slower than a client waits', async () => {
    const ip = await quirkyMiner('trickle', 8);
    const reply = await exchange(ip, 4028, '{"command":"version"}', { timeoutMs: 1_000 });
    expect(reply.end).toBe('timeout');
    expect(reply.bytes.length).toBeGreaterThan(5);
    expect(reply.bytes.length).toBeLessThan(40);
    expect(reply.bytes.toString('utf8')).toMatch(/^\{"STATUS"/);
  });

  it('reset: the connection is reset after the request', async () => {
    const ip = await quirkyMiner('reset', 3);
    const reply = await exchange(ip, 4028, '{"command":"version"}');
    expect(reply).toMatchObject({ end: 'reset' });
    expect(reply.bytes.length).toBe(0);
  });

  it('silent: the port accepts and never says anything', async () => {
    const ip = await quirkyMiner('silent', 4);
    const reply = await exchange(ip, 80, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n', { timeoutMs: 1_000 });
    expect(reply).toMatchObject({ end: 'timeout' });
    expect(reply.bytes.length).toBe(0);
  });

  it('endless: the reply runs past 1 MiB without ending', async () => {
    const ip = await quirkyMiner('endless', 5);
    const reply = await exchange(ip, 4028, '{"command":"version"}', { capBytes: 1024 * 1024 });
    expect(reply.end).toBe('cap');
    expect(reply.bytes.length).toBeGreaterThan(1024 * 1024);
    expect(reply.bytes.includes(0)).toBe(false);
  });

  it('tls: a TLS handshake record answers a plain request', async () => {
    const ip = await quirkyMiner('tls', 6);
    const reply = await exchange(ip, 4028, '{"command":"version"}');
    expect([...reply.bytes.subarray(0, 3)]).toEqual([0x16, 0x03, 0x03]);
  });

  it('offline: nothing listens, connections are refused', async () => {
    const ip = await quirkyMiner('offline', 7);
    expect((await exchange(ip, 4028, '{"command":"version"}')).end).toBe('refused');
    expect((await exchange(ip, 80, 'GET / HTTP/1.1\r\n\r\n')).end).toBe('refused');
  });

  it('draws quirks for about the asked share of a fleet, and only where the protocol allows', async () => {
    const sim = await startSimulator({ count: 200, base: '127.61.5.0/24', families: ['bitaxe'], quirkRate: 0.25, quirks: ['offline', 'malformed-json'] });
    running.push(sim);
    const quirky = sim.hosts.filter((host) => host.quirk);
    expect(quirky.length).toBeGreaterThan(25);
    expect(quirky.length).toBeLessThan(75);
    // Bitaxe speaks only HTTP JSON, which firmware does not send malformed.
    expect(quirky.every((host) => host.quirk === 'offline')).toBe(true);
  });
});
