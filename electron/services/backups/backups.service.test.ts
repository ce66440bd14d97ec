import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../db/open-db';
import { tempFolder } from '../../../tests/helpers/backup-fixtures';
import { listAudit } from '../audit/audit.service';
import { createBackups } from './backups.service';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));
const log = { error: () => undefined };

function setUp() {
  const t = tempFolder('schedule');
  cleanups.push(t.remove);
  const db = openDb(join(t.dir, 'hashdesk.db'));
  cleanups.push(() => db.$client.close());
  let clock = new Date(2026, 11, 4, 8, 0);
  const backups = createBackups(db, { version: '0.1.0', log, now: () => clock });
  return { dir: t.dir, db, backups, setClock: (at: Date) => (clock = at) };
}

describe('daily backups', () => {
  it('are made once a day from the chosen hour, and only the newest ones kept are left', async () => {
    const { dir, backups, setClock } = setUp();
    const folder = join(dir, 'nightly');
    backups.updateSettings({ folder, daily: true, dailyHour: 9, keepDaily: 2 }, 'ana');
    setClock(new Date(2026, 11, 1, 10, 0));
    const manual = await backups.create('ana');
    setClock(new Date(2026, 11, 1, 8, 59));
    expect(await backups.runDaily()).toBeNull(); // before the hour
    for (const day of [1, 2, 3, 4]) {
      setClock(new Date(2026, 11, day, 9, 15));
      expect((await backups.runDaily())?.kind).toBe('daily');
      setClock(new Date(2026, 11, day, 23, 0));
      expect(await backups.runDaily()).toBeNull(); // already made today
    }
    expect(
      backups
        .list()
        .map((b) => b.name)
        .sort(),
    ).toEqual([manual.name, 'hashdesk-2026-12-03-0915-v0.1.0-daily.sqlite', 'hashdesk-2026-12-04-0915-v0.1.0-daily.sqlite'].sort());
    expect(backups.status().lastRun).toMatchObject({ ok: true, kind: 'daily' });
  });

  it('are not made when switched off', async () => {
    const { dir, backups, setClock } = setUp();
    backups.updateSettings({ folder: join(dir, 'b'), daily: false, dailyHour: 0, keepDaily: 3 }, 'ana');
    setClock(new Date(2026, 11, 4, 12, 0));
    expect(await backups.runDaily()).toBeNull();
    expect(existsSync(join(dir, 'b')) ? readdirSync(join(dir, 'b')) : []).toEqual([]);
  });

  it('keep the reason of a failure for Settings, retry an hour later, and clear it when one succeeds', async () => {
    const { dir, backups, setClock } = setUp();
    const folder = join(dir, 'usb');
    backups.updateSettings({ folder, daily: true, dailyHour: 1, keepDaily: 3 }, 'ana');
    writeFileSync(join(dir, 'in-the-way'), 'x');
    // The drive was swapped for a file of the same name after the folder was chosen.
    const config = backups.status();
    writeFileSync(join(dir, 'backups.json'), JSON.stringify({ ...config, settings: { ...config.settings, folder: join(dir, 'in-the-way') } }));
    setClock(new Date(2026, 11, 4, 2, 0));
    await expect(backups.runDaily()).rejects.toThrow(/is a file, not a folder|could not be created/);
    const failure = backups.status().lastDailyFailure;
    expect(failure).toMatchObject({ ok: false, kind: 'daily' });
    expect(failure?.error).toMatch(/in-the-way/);
    setClock(new Date(2026, 11, 4, 2, 30));
    expect(await backups.runDaily()).toBeNull();
    backups.updateSettings({ folder, daily: true, dailyHour: 1, keepDaily: 3 }, 'ana');
    setClock(new Date(2026, 11, 4, 3, 1));
    expect((await backups.runDaily())?.kind).toBe('daily');
    expect(backups.status().lastDailyFailure).toBeNull();
  });
});

describe('backup settings', () => {
  it('refuse a relative folder in words, and audit a change', () => {
    const { dir, db, backups } = setUp();
    expect(() => backups.updateSettings({ folder: 'backups', daily: true, dailyHour: 3, keepDaily: 7 }, 'ana')).toThrow(/is not a full path/);
    backups.updateSettings({ folder: join(dir, 'b'), daily: true, dailyHour: 3, keepDaily: 30 }, 'ana');
    expect(backups.status().settings).toEqual({ folder: join(dir, 'b'), daily: true, dailyHour: 3, keepDaily: 30 });
    expect(listAudit(db, { entity: 'backup_settings', limit: 5, offset: 0 }).rows).toHaveLength(1);
  });

  it('offer the folder dialog and the restart only where the app gave them', async () => {
    const { backups } = setUp();
    expect(backups.status()).toMatchObject({ canChooseFolder: false, canRestart: false });
    await expect(backups.chooseFolder()).rejects.toThrow(/Type the folder path/);
    expect(() => backups.restart()).toThrow(/stop npm run serve/);
  });
});
