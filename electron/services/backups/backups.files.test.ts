import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../db/open-db';
import { addClients, countOf, tempFolder } from '../../../tests/helpers/backup-fixtures';
import { listBackups, pruneDailyBackups, usableFolder, writeOnlineBackup } from './backups.files';
import { backupFileName, parseBackupFileName } from './backups.names';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));
const folder = () => {
  const t = tempFolder('backups');
  cleanups.push(t.remove);
  return t.dir;
};

describe('backup file names', () => {
  it('spell the local date, time and version, with the kind as a suffix, and read back', () => {
    const at = new Date(2026, 11, 4, 9, 30, 12);
    expect(backupFileName('manual', at, '0.1.0')).toBe('hashdesk-2026-12-04-0930-v0.1.0.sqlite');
    expect(backupFileName('daily', at, '0.1.0')).toBe('hashdesk-2026-12-04-0930-v0.1.0-daily.sqlite');
    expect(backupFileName('before-restore', at, '1.2.3', 12)).toBe('hashdesk-2026-12-04-0930-12-v1.2.3-before-restore.sqlite');
    expect(parseBackupFileName('hashdesk-2026-12-04-0930-12-v1.2.3-before-restore.sqlite')).toEqual({
      kind: 'before-restore',
      madeAt: at,
      version: '1.2.3',
    });
    for (const other of ['hashdesk.db', 'hashdesk-2026-02-31-0930-v0.1.0.sqlite', 'hashdesk-2026-12-04-0930-v0.1.0.sqlite.bak', 'notes.txt'])
      expect(parseBackupFileName(other)).toBeNull();
  });
});

describe('usableFolder', () => {
  it('creates a missing folder and refuses a relative path or a file in the way, in words', () => {
    const base = folder();
    expect(usableFolder(join(base, 'new', 'deeper'))).toBe(join(base, 'new', 'deeper'));
    expect(() => usableFolder('backups')).toThrow(/is not a full path/);
    writeFileSync(join(base, 'a-file'), 'x');
    expect(() => usableFolder(join(base, 'a-file'))).toThrow(/is a file, not a folder|could not be created/);
    expect(readdirSync(base).filter((name) => name.startsWith('.hashdesk-write-test'))).toEqual([]);
  });
});

describe('writeOnlineBackup', () => {
  it('copies the live database page batches at a time while writes go on, into a valid file with the same counts', async () => {
    const work = folder();
    const db = openDb(join(work, 'hashdesk.db'));
    cleanups.push(() => db.$client.close());
    addClients(db, 4000);
    let writing = true;
    let writesDuring = 0;
    const writeMore = () => {
      if (!writing) return;
      addClients(db, 5, 100_000 + writesDuring * 5);
      writesDuring += 1;
      setImmediate(writeMore);
    };
    setImmediate(writeMore);
    const made = await writeOnlineBackup(db.$client, join(work, 'backups'), 'manual', '0.1.0');
    writing = false;
    expect(writesDuring).toBeGreaterThan(0);
    const copy = new Database(made.file, { readonly: true });
    cleanups.push(() => copy.close());
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(countOf(copy, 'clients')).toBe(countOf(db.$client, 'clients'));
    expect(countOf(copy, 'clients')).toBe(4000 + writesDuring * 5);
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(made).toMatchObject({ kind: 'manual', version: '0.1.0', name: parseBackupFileName(made.name) && made.name });
    expect(readdirSync(join(work, 'backups'))).toEqual([made.name]);
  });

  it('names a second backup of the same minute with its second, never overwriting the first', async () => {
    const work = folder();
    const db = openDb(join(work, 'hashdesk.db'));
    cleanups.push(() => db.$client.close());
    const at = new Date(2026, 11, 4, 9, 30, 41);
    const first = await writeOnlineBackup(db.$client, work, 'manual', '0.1.0', at);
    const second = await writeOnlineBackup(db.$client, work, 'manual', '0.1.0', at);
    expect([first.name, second.name]).toEqual(['hashdesk-2026-12-04-0930-v0.1.0.sqlite', 'hashdesk-2026-12-04-0930-41-v0.1.0.sqlite']);
    await expect(writeOnlineBackup(db.$client, work, 'manual', '0.1.0', at)).rejects.toThrow(/this very second/);
  });
});

describe('retention', () => {
  it('deletes only the oldest daily backups beyond the number kept, never other backups or files', () => {
    const dir = folder();
    const days = [1, 2, 3, 4, 5].map((day) => backupFileName('daily', new Date(2026, 11, day, 12, 0), '0.1.0'));
    const others = [
      backupFileName('manual', new Date(2026, 10, 1, 9, 0), '0.1.0'),
      backupFileName('before-restore', new Date(2026, 10, 2, 9, 0), '0.1.0'),
      backupFileName('before-upgrade', new Date(2026, 10, 3, 9, 0), '0.0.9'),
      'hashdesk-2026-11-01-0900-v0.1.0-daily.sqlite.keep',
      'my-notes.txt',
      'hashdesk.db',
    ];
    for (const name of [...days, ...others]) writeFileSync(join(dir, name), 'x');
    mkdirSync(join(dir, backupFileName('daily', new Date(2026, 0, 1, 12, 0), '0.1.0')));
    expect(pruneDailyBackups(dir, 2).sort()).toEqual(days.slice(0, 3).sort());
    for (const name of [...days.slice(3), ...others]) expect(existsSync(join(dir, name))).toBe(true);
    expect(listBackups(dir).map((b) => b.kind)).toEqual(['daily', 'daily', 'before-upgrade', 'before-restore', 'manual']);
  });
});
