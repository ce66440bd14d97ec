import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations } from './migrate';
import { openDb } from './open-db';
import { migrationsBefore, olderBuild } from './testing/older-build';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A database file written by the build just before the outbox, holding one client. */
function databaseBeforeMail(): string {
  dir = mkdtempSync(join(tmpdir(), 'hashdesk-mail-upgrade-'));
  const copy = olderBuild(dir, migrationsBefore('0022_mail_outbox'));
  const file = join(dir, 'hashdesk.db');
  const old = new Database(file);
  applyMigrations(old, copy);
  old.prepare("INSERT INTO staff (id, name, created_at, updated_at) VALUES (1, 'Maria', '2026-01-01', '2026-01-01')").run();
  old
    .prepare(
      "INSERT INTO clients (id, name, contact_email, manager_id, created_at, updated_at) VALUES (7, 'Arctic Hash', 'ops@arctic.test', 1, '2026-01-01', '2026-01-01')",
    )
    .run();
  old.close();
  return file;
}

describe('migration 0022 (mail outbox)', () => {
  it('upgrades a database of the previous build: its clients stay, the outbox is empty and its checks hold', () => {
    expect(migrationsBefore('0022_mail_outbox')).toBeGreaterThan(0);
    const db = openDb(databaseBeforeMail());
    const sqlite = db.$client;
    expect(sqlite.prepare('SELECT name FROM clients WHERE id = 7').get()).toEqual({ name: 'Arctic Hash' });
    expect(sqlite.prepare('SELECT count(*) AS n FROM mail_messages').get()).toEqual({ n: 0 });
    const insertMessage = sqlite.prepare(
      "INSERT INTO mail_messages (status, to_json, subject, body, related_kind, related_id, client_id, created_at) VALUES ('queued', '[]', 's', 'b', ?, ?, 7, '2026-01-01')",
    );
    expect(() => insertMessage.run('invoice', null)).toThrow(/CHECK constraint/);
    const { lastInsertRowid } = insertMessage.run(null, null);
    const attach = sqlite.prepare(
      "INSERT INTO mail_attachments (message_id, file_name, content_type, invoice_id, content) VALUES (?, 'a.pdf', 'application/pdf', NULL, ?)",
    );
    expect(() => attach.run(lastInsertRowid, null)).toThrow(/CHECK constraint/);
    attach.run(lastInsertRowid, Buffer.from('%PDF'));
    sqlite.prepare("INSERT INTO mail_attempts (message_id, at, ok, detail) VALUES (?, '2026-01-01', 0, 'refused')").run(lastInsertRowid);
    sqlite.prepare('DELETE FROM mail_messages').run();
    expect(sqlite.prepare('SELECT (SELECT count(*) FROM mail_attachments) + (SELECT count(*) FROM mail_attempts) AS n').get()).toEqual({ n: 0 });
    sqlite.close();
  });
});
