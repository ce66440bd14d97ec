import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rotatedLogFile, rotatingLogFile } from './log-file';

let dir: string;
let umask: number;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hashdesk-log-'));
  umask = process.umask(0o022);
});
afterEach(() => {
  process.umask(umask);
  rmSync(dir, { recursive: true, force: true });
});

describe('the log file', () => {
  it('rotates by size, keeps the newest files, owner-only, and pino writes whole lines into it', () => {
    const file = join(dir, 'hashdesk.log');
    const destination = rotatingLogFile(file, { maxBytes: 1_000, keep: 2 });
    const log = pino({ base: null, timestamp: false }, destination);
    for (let i = 0; i < 60; i += 1) log.info({ i }, 'x'.repeat(60));
    destination.end();
    const files = [file, rotatedLogFile(file, 1), rotatedLogFile(file, 2)];
    for (const one of files) {
      expect(statSync(one).size).toBeLessThanOrEqual(1_000);
      expect(statSync(one).mode & 0o777).toBe(0o600);
    }
    expect(existsSync(rotatedLogFile(file, 3))).toBe(false);
    const lines = files
      .reverse()
      .flatMap((one) => readFileSync(one, 'utf8').trim().split('\n'))
      .map((line) => (JSON.parse(line) as { i: number }).i);
    // The oldest lines went with the files past the second; the rest are in order and whole.
    expect(lines.at(-1)).toBe(59);
    expect(lines).toEqual(Array.from({ length: lines.length }, (_, k) => 60 - lines.length + k));
  });

  it('keeps appending to the file a previous run left', () => {
    const file = join(dir, 'hashdesk.log');
    const first = rotatingLogFile(file);
    first.write('one\n');
    first.end();
    const second = rotatingLogFile(file);
    second.write('two\n');
    second.end();
    second.write('after the end\n');
    expect(readFileSync(file, 'utf8')).toBe('one\ntwo\n');
  });
});
