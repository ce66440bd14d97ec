import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearStaleServerFile, writeServerFile } from './server-file';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hashdesk-server-file-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const serverFile = () => join(dir, 'server.json');
const readInfo = () => JSON.parse(readFileSync(serverFile(), 'utf8')) as { url: string; token: string; pid: number };
/** The id of a process that has ended: nothing runs under it (short of the id being reused at once). */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid ?? 0;
const tsx = ['--import', 'tsx'];

function waitFor(check: () => boolean, what: string, child?: ChildProcess): Promise<void> {
  return new Promise((done, fail) => {
    const started = Date.now();
    const tick = () => {
      if (check()) return done();
      if (Date.now() - started > 60_000) return fail(new Error(`timed out waiting for ${what}`));
      if (child && child.exitCode !== null && !check()) return fail(new Error(`the process ended (code ${child.exitCode}) before ${what}`));
      setTimeout(tick, 50);
    };
    tick();
  });
}

const exited = (child: ChildProcess) => new Promise<number | null>((done) => (child.exitCode !== null ? done(child.exitCode) : child.once('exit', done)));

describe('server.json', () => {
  it('is owner-only, and is removed only while it names this process', () => {
    const release = writeServerFile(dir, { url: 'http://127.0.0.1:1', token: 't', pid: process.pid });
    expect(statSync(serverFile()).mode & 0o777).toBe(0o600);
    writeFileSync(serverFile(), JSON.stringify({ url: 'http://127.0.0.1:2', token: 'other', pid: process.pid + 1 }));
    release();
    expect(existsSync(serverFile())).toBe(true);
  });

  it('left by a process that is gone is removed before a start; one whose process runs refuses the start', () => {
    writeFileSync(serverFile(), JSON.stringify({ url: 'http://127.0.0.1:1', token: 'old', pid: deadPid() }));
    clearStaleServerFile(dir);
    expect(existsSync(serverFile())).toBe(false);
    const alive = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(serverFile(), JSON.stringify({ url: 'http://127.0.0.1:1', token: 'live', pid: alive.pid }));
      expect(() => clearStaleServerFile(dir)).toThrow(`Another Hashdesk server (process ${alive.pid}) is serving ${dir} at http://127.0.0.1:1.`);
    } finally {
      alive.kill();
    }
  });

  // A process that writes the file, then leaves in the way asked.
  const exitScript = (how: string) => `
    import { announceServer } from ${JSON.stringify(pathToFileURL(resolve('electron/server-file.ts')).href)};
    announceServer(${JSON.stringify(dir)}, { url: 'http://127.0.0.1:1', token: 't', pid: process.pid }, async () => {}, (error) => console.error('fatal:', String(error)));
    ${how}`;

  it.each([
    ['a normal exit', 'process.exit(0);', null, 0],
    ['an uncaught error', "setTimeout(() => { throw new Error('boom'); }, 10);", null, 1],
    ['an unhandled rejection', "void Promise.reject(new Error('boom'));", null, 1],
    ['SIGTERM', 'setInterval(() => {}, 1000);', 'SIGTERM', 0],
    ['SIGINT', 'setInterval(() => {}, 1000);', 'SIGINT', 0],
  ] as const)('is removed on %s', { timeout: 90_000 }, async (_way, how, signal, code) => {
    const script = join(dir, 'leave.mts');
    writeFileSync(script, exitScript(how));
    const child = spawn(process.execPath, [...tsx, script], { stdio: 'ignore' });
    if (signal) {
      await waitFor(() => existsSync(serverFile()), 'server.json', child);
      child.kill(signal);
    }
    expect(await exited(child)).toBe(code);
    expect(existsSync(serverFile())).toBe(false);
  });

  it('left stale by a crashed serve is replaced with the new token and pid, and removed when it stops', { timeout: 120_000 }, async () => {
    writeFileSync(serverFile(), JSON.stringify({ url: 'http://127.0.0.1:1', token: 'old-token', pid: deadPid() }));
    const child = spawn(process.execPath, [...tsx, resolve('electron/serve.ts'), '--data', dir, '--port', '0'], { stdio: 'ignore' });
    try {
      await waitFor(() => existsSync(serverFile()) && readInfo().pid === child.pid, 'the new server.json', child);
      expect(readInfo().token).not.toBe('old-token');
      child.kill('SIGTERM');
      expect(await exited(child)).toBe(0);
      expect(existsSync(serverFile())).toBe(false);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
