import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRuntime } from './runtime';

let dir: string;
let umask: number;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hashdesk-files-'));
  umask = process.umask(0o022);
});
afterEach(() => {
  process.umask(umask);
  rmSync(dir, { recursive: true, force: true });
});

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the data folder', () => {
  it.skipIf(process.platform === 'win32')(
    'holds the database, its WAL, the log and the key readable by their owner only, whatever the umask and folder were',
    () => {
      chmodSync(dir, 0o755);
      const runtime = startRuntime(dir, { poll: false });
      try {
        runtime.db.$client.prepare('CREATE TABLE IF NOT EXISTS probe (x)').run();
        runtime.log.info({}, 'a line');
        expect(modeOf(dir)).toBe(0o700);
        expect(modeOf(join(dir, 'logs'))).toBe(0o700);
        for (const file of ['hashdesk.db', 'hashdesk.db-wal', 'hashdesk.db-shm', 'logs/hashdesk.log', 'secret.key'])
          expect([file, modeOf(join(dir, file))]).toEqual([file, 0o600]);
      } finally {
        runtime.close();
      }
    },
  );

  it.skipIf(process.platform === 'win32')('narrows the folder, the database and the log that an older version left open to others', () => {
    const first = startRuntime(dir, { poll: false });
    first.db.$client.prepare('CREATE TABLE IF NOT EXISTS probe (x)').run();
    first.close();
    for (const file of ['hashdesk.db', 'logs/hashdesk.log']) chmodSync(join(dir, file), 0o644);
    chmodSync(dir, 0o755);
    const again = startRuntime(dir, { poll: false });
    try {
      expect(modeOf(dir)).toBe(0o700);
      expect(modeOf(join(dir, 'hashdesk.db'))).toBe(0o600);
      expect(modeOf(join(dir, 'logs/hashdesk.log'))).toBe(0o600);
    } finally {
      again.close();
    }
  });
});
