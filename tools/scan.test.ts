import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from './sim/simulator';

const run = promisify(execFile);
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ count: 3, base: '127.68.0.0/24', families: ['antminer'], seed: 5, quirkRate: 0 });
});
afterAll(() => sim.stop());

describe('npm run scan', () => {
  it('prints one JSON array of the findings of the ranges given, and nothing else on stdout', async () => {
    const { stdout, stderr } = await run('npx', ['tsx', 'tools/scan.ts', '127.68.0.0/29', '--json', '--concurrency', '64'], { timeout: 60_000 });
    const rows = JSON.parse(stdout) as { ip: string; state: string; serial: string; mac: string }[];
    expect(rows.map((r) => [r.ip, r.state, r.serial, r.mac])).toEqual(sim.hosts.map((h) => [h.ip, 'identified', h.serial, h.mac]));
    expect(stderr).toContain('done: 8/8 probed, 3 open, 3 identified');
  });

  it('refuses a range larger than a /16 with the reason and the usage, probing nothing', async () => {
    const failure = await run('npx', ['tsx', 'tools/scan.ts', '127.0.0.0/8'], { timeout: 60_000 }).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringContaining('"127.0.0.0/8" is larger than a /16') });
  });
});
