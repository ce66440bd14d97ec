// `npm run sim` as a user runs it: refuses non-loopback ranges, writes the manifest, takes control
// requests, and stops cleanly on SIGTERM.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exchange, httpJson, waitFor } from './test-clients';

const mainScript = new URL('./main.ts', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'hashdesk-sim-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function startCli(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', mainScript, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

describe('npm run sim', () => {
  it('refuses a range outside 127.0.0.0/8 in plain words', async () => {
    const cli = startCli(['--count', '2', '--base', '127.0.0.0/7']);
    expect(await cli.exited).toBe(2);
    expect(cli.stderr()).toContain('The simulator only runs inside 127.0.0.0/8 (loopback); "127.0.0.0/7" reaches outside it.');
  });

  it('refuses an unknown family and a quirk rate outside 0..1', async () => {
    const family = startCli(['--families', 'antminer,cointerra']);
    expect(await family.exited).toBe(2);
    expect(family.stderr()).toContain('unknown family "cointerra"');
    const rate = startCli(['--quirks', '2']);
    expect(await rate.exited).toBe(2);
    expect(rate.stderr()).toContain('--quirks is the share of misbehaving hosts, from 0 to 1');
  });

  it('writes a manifest of the true fleet, serves it, takes a reboot by control request and stops on SIGTERM', async () => {
    const manifestPath = join(folder, 'fleet.json');
    const cli = startCli([
      '--count',
      '3',
      '--base',
      '127.61.6.0/24',
      '--families',
      'antminer,bitaxe',
      '--pdus',
      '1',
      '--seed',
      '4',
      '--json-out',
      manifestPath,
      '--control',
      '0',
    ]);
    try {
      expect(await waitFor(() => /control on http:\/\/127\.0\.0\.1:(\d+)/.test(cli.stderr()), 20_000)).toBe(true);
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
        hosts: { ip: string; family: string; serial: string | null; ports: number[] }[];
        power: { ip: string; kind: string }[];
      };
      expect(manifest.hosts.map((host) => [host.ip, host.family])).toEqual([
        ['127.61.6.1', 'antminer'],
        ['127.61.6.2', 'bitaxe'],
        ['127.61.6.3', 'antminer'],
      ]);
      expect(manifest.power).toMatchObject([{ ip: '127.61.6.4', kind: 'pdu' }]);
      const controlPort = Number(/control on http:\/\/127\.0\.0\.1:(\d+)/.exec(cli.stderr())![1]);
      expect((await httpJson<{ hosts: unknown[] }>('127.0.0.1', controlPort, 'GET', '/hosts')).json.hosts).toHaveLength(3);
      expect((await httpJson('127.0.0.1', controlPort, 'POST', '/miners/127.61.6.2/reboot')).status).toBe(200);
      expect(await waitFor(async () => (await exchange('127.61.6.2', 80, '', { timeoutMs: 300 })).end === 'refused', 3_000)).toBe(true);
      expect((await httpJson('127.0.0.1', controlPort, 'POST', '/miners/127.99.0.1/reboot')).status).toBe(404);
      expect((await httpJson('127.0.0.1', controlPort, 'POST', '/power/127.61.6.4/reset')).status).toBe(200);
      expect((await httpJson('127.0.0.1', controlPort, 'POST', '/power/127.61.6.4/rollover?seconds=2')).status).toBe(200);
      expect((await httpJson('127.0.0.1', controlPort, 'POST', '/power/127.61.6.1/reset')).status).toBe(404);
    } finally {
      cli.child.kill('SIGTERM');
    }
    expect(await cli.exited).toBe(0);
    expect(existsSync(manifestPath)).toBe(true);
    expect((await exchange('127.61.6.1', 4028, '{"command":"version"}', { timeoutMs: 500 })).end).toBe('refused');
  });
});
