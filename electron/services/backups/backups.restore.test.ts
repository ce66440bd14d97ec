import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { findMigrationsFolder } from '../../../db/open-db';
import { addClients, countOf, tempFolder } from '../../../tests/helpers/backup-fixtures';
import { listAudit } from '../audit/audit.service';
import { writeBackupConfig, defaultConfig } from './backups.config';
import { inspectBackup } from './backups.inspect';
import { createBackups } from './backups.service';
import { databaseFile, openDataDb } from './backups.startup';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));
const log = { error: () => undefined };

/** A data folder whose backups go to a folder of their own. */
function dataFolder() {
  const t = tempFolder('restore');
  cleanups.push(t.remove);
  const backupsDir = join(t.dir, 'elsewhere', 'backups');
  writeBackupConfig(t.dir, { ...defaultConfig(t.dir), settings: { ...defaultConfig(t.dir).settings, folder: backupsDir } });
  return { dataDir: t.dir, backupsDir };
}

function start(dataDir: string) {
  const opened = openDataDb(dataDir, { version: '0.1.0' });
  cleanups.push(() => opened.db.$client.open && opened.db.$client.close());
  return opened;
}

describe('backups.preview', () => {
  it('tells what a backup holds: when, which schema, how many clients, miners, contracts and invoices', async () => {
    const { dataDir, backupsDir } = dataFolder();
    const { db } = start(dataDir);
    addClients(db, 3);
    const backups = createBackups(db, { version: '0.1.0', log });
    const made = await backups.create('ana');
    const preview = await backups.preview(made.file);
    const journalLength = readdirSync(findMigrationsFolder()).filter((name) => name.endsWith('.sql')).length;
    expect(preview).toMatchObject({
      name: made.name,
      schemaVersion: journalLength,
      upgradeSteps: 0,
      counts: { clients: 3, miners: 0, contracts: 0, invoices: 0 },
    });
    expect(preview.file.startsWith(backupsDir)).toBe(true);
    expect(listAudit(db, { entity: 'backup', limit: 5, offset: 0 }).rows[0]).toMatchObject({ action: 'backup.created', summary: `Backup “${made.name}” made` });
  });

  it('refuses a text file, a SQLite file of another program, a damaged file and a missing one, each in words', () => {
    const { dataDir } = dataFolder();
    const text = join(dataDir, 'notes.sqlite');
    writeFileSync(text, 'These are my notes, not a database.\n'.repeat(200));
    expect(() => inspectBackup(text)).toThrow(/notes.sqlite cannot be restored: it is not a Hashdesk database \(not even a SQLite file\)/);
    const other = join(dataDir, 'other.sqlite');
    const foreign = new Database(other);
    foreign.exec('CREATE TABLE recipes (id integer primary key, name text)');
    foreign.close();
    expect(() => inspectBackup(other)).toThrow(/is a SQLite database, but not one of Hashdesk/);
    expect(() => inspectBackup(join(dataDir, 'gone.sqlite'))).toThrow(/There is no file at/);
    expect(() => inspectBackup('relative.sqlite')).toThrow(/full path/);
  });

  it("refuses a backup whose pages are damaged, in SQLite's words, read in a thread of its own", async () => {
    const { dataDir } = dataFolder();
    const { db } = start(dataDir);
    addClients(db, 400);
    const backups = createBackups(db, { version: '0.1.0', log });
    const made = await backups.create('ana');
    const copy = new Database(made.file, { readonly: true });
    const rootPage = (copy.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'clients'").get() as { rootpage: number }).rootpage;
    const pageSize = copy.pragma('page_size', { simple: true }) as number;
    copy.close();
    const bytes = readFileSync(made.file);
    bytes.fill(0x5a, (rootPage - 1) * pageSize + 8, rootPage * pageSize);
    writeFileSync(made.file, bytes);
    await expect(backups.preview(made.file)).rejects.toThrow(/cannot be restored: the file is damaged \(SQLite reports: /);
    await expect(backups.restore(made.file, 'ana')).rejects.toThrow(/the file is damaged/);
    expect(backups.status().pendingRestore).toBeNull();
  });

  it('refuses a backup made by a newer Hashdesk (a migration this version does not know)', async () => {
    const { dataDir } = dataFolder();
    const { db } = start(dataDir);
    const made = await createBackups(db, { version: '0.1.0', log }).create('ana');
    const newer = new Database(made.file);
    newer.prepare("INSERT INTO schema_migrations VALUES (999, '0999_from_the_future', 'x', '2030-01-01')").run();
    newer.close();
    expect(() => inspectBackup(made.file)).toThrow(/written by a newer or different version of Hashdesk/);
  });
});

describe('backups.restore', () => {
  it('waits for the restart, then keeps a safety copy of the current database and opens the backup in its place', async () => {
    const { dataDir, backupsDir } = dataFolder();
    const first = start(dataDir);
    addClients(first.db, 2);
    const backups = createBackups(first.db, { version: '0.1.0', log });
    const made = await backups.create('ana');
    addClients(first.db, 5, 100);
    const pending = await backups.restore(made.file, 'ana');
    expect(pending.safetyCopy.startsWith(backupsDir)).toBe(true);
    expect(pending.safetyCopy).toMatch(/-before-restore\.sqlite$/);
    expect(backups.status().pendingRestore).toEqual(pending);
    expect(countOf(first.db.$client, 'clients')).toBe(7);
    addClients(first.db, 1, 200); // still written before the restart: the safety copy must hold it
    first.db.$client.close();

    const second = start(dataDir);
    expect(second.restoredAtStart).toMatchObject({ ok: true, from: made.file, safetyCopy: pending.safetyCopy, requestedBy: 'ana' });
    expect(countOf(second.db.$client, 'clients')).toBe(2);
    const safety = new Database(pending.safetyCopy, { readonly: true });
    cleanups.push(() => safety.close());
    expect(countOf(safety, 'clients')).toBe(8);
    expect(existsSync(join(dataDir, 'restore-pending.sqlite'))).toBe(false);
    const restored = listAudit(second.db, { entity: 'backup', limit: 5, offset: 0 }).rows[0];
    expect(restored).toMatchObject({ action: 'backup.restored', actor: 'ana' });
    expect(restored.summary).toContain('was kept as');
    second.db.$client.close();

    const third = start(dataDir);
    expect(third.restoredAtStart).toBeNull();
    expect(countOf(third.db.$client, 'clients')).toBe(2);
  });

  it('can be cancelled before the restart, and then changes nothing', async () => {
    const { dataDir } = dataFolder();
    const first = start(dataDir);
    const backups = createBackups(first.db, { version: '0.1.0', log });
    const made = await backups.create('ana');
    addClients(first.db, 3);
    await backups.restore(made.file, 'ana');
    expect(backups.cancelRestore('ana')).toEqual({ cancelled: true });
    expect(backups.status().pendingRestore).toBeNull();
    first.db.$client.close();
    const second = start(dataDir);
    expect(second.restoredAtStart).toBeNull();
    expect(countOf(second.db.$client, 'clients')).toBe(3);
  });
});

describe('the start', () => {
  it('finds a deliberately damaged database by its integrity check, in the background', async () => {
    const { dataDir } = dataFolder();
    const first = start(dataDir);
    addClients(first.db, 400);
    const rootPage = (first.db.$client.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'clients'").get() as { rootpage: number }).rootpage;
    const pageSize = first.db.$client.pragma('page_size', { simple: true }) as number;
    first.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    first.db.$client.close();
    const healthy = start(dataDir);
    expect(healthy.health.state).toBe('checking');
    expect(await healthy.healthCheck).toEqual({ state: 'ok', check: 'integrity_check', problems: [] });
    cleanups.at(-1)?.();
    const bytes = readFileSync(databaseFile(dataDir));
    bytes.fill(0x5a, (rootPage - 1) * pageSize + 8, rootPage * pageSize);
    writeFileSync(databaseFile(dataDir), bytes);
    const damaged = await start(dataDir).healthCheck;
    expect(damaged?.state).toBe('damaged');
    expect(damaged?.check).toBe('integrity_check');
    expect(damaged?.problems.length).toBeGreaterThan(0);
  });

  it('runs on an empty stand-in when the file is no database at all, leaving the file as it was', () => {
    const { dataDir } = dataFolder();
    writeFileSync(databaseFile(dataDir), Buffer.alloc(64 * 1024, 0x41));
    const opened = start(dataDir);
    expect(opened).toMatchObject({ standIn: true, health: { state: 'damaged', check: 'open' }, healthCheck: null });
    expect(readFileSync(databaseFile(dataDir))).toEqual(Buffer.alloc(64 * 1024, 0x41));
  });

  it('copies the database before migrations change it, and a failing migration rolls back leaving that copy', () => {
    const { dataDir, backupsDir } = dataFolder();
    const first = start(dataDir);
    addClients(first.db, 3);
    first.db.$client.close();
    expect(existsSync(backupsDir) ? readdirSync(backupsDir) : []).toEqual([]); // nothing pending: no copy

    const migrations = join(dataDir, 'migrations');
    cpSync(findMigrationsFolder(), migrations, { recursive: true });
    const journal = JSON.parse(readFileSync(join(migrations, 'meta', '_journal.json'), 'utf8'));
    journal.entries.push({ idx: journal.entries.length, version: '6', when: Date.now(), tag: '9999_broken', breakpoints: true });
    writeFileSync(join(migrations, 'meta', '_journal.json'), JSON.stringify(journal));
    writeFileSync(join(migrations, '9999_broken.sql'), 'ALTER TABLE clients ADD COLUMN doomed text;\n--> statement-breakpoint\nTHIS IS NOT SQL;');
    expect(() => openDataDb(dataDir, { version: '0.2.0', migrationsFolder: migrations })).toThrow();

    const [copy] = readdirSync(backupsDir);
    expect(copy).toMatch(/^hashdesk-.*-v0\.2\.0-before-upgrade\.sqlite$/);
    const saved = new Database(join(backupsDir, copy), { readonly: true });
    cleanups.push(() => saved.close());
    expect(countOf(saved, 'clients')).toBe(3);
    const after = new Database(databaseFile(dataDir), { readonly: true });
    cleanups.push(() => after.close());
    const columns = (after.prepare('PRAGMA table_info(clients)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('doomed');
    expect(countOf(after, 'schema_migrations')).toBe(journal.entries.length - 1);
  });
});
