import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from './open-db';
import { databaseBefore, migrationsBefore } from './testing/older-build';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0030 (roles that see only the clients their holders manage)', () => {
  it('keeps every custom role and its holders, each unscoped, and stores the switch per role', () => {
    expect(migrationsBefore('0030_role_only_managed_clients')).toBeGreaterThan(0);
    dir = mkdtempSync(join(tmpdir(), 'hashdesk-role-scope-upgrade-'));
    const file = databaseBefore(dir, '0030_role_only_managed_clients', (old) => {
      old
        .prepare(
          `INSERT INTO roles (id, name, description, permissions_json, created_at, updated_at)
           VALUES (1, 'Account manager', 'Clients', '["clients.view","clients.edit"]', '2026-01-01', '2026-01-01')`,
        )
        .run();
      old.prepare("INSERT INTO staff (id, name, login, role_id, created_at, updated_at) VALUES (1, 'Mo Manager', 'mo', 1, '2026-01-01', '2026-01-01')").run();
    });
    const sqlite = openDb(file).$client;
    expect(sqlite.prepare('SELECT id, name, permissions_json, only_managed_clients FROM roles').all()).toEqual([
      { id: 1, name: 'Account manager', permissions_json: '["clients.view","clients.edit"]', only_managed_clients: 0 },
    ]);
    expect(sqlite.prepare('SELECT role_id FROM staff WHERE id = 1').get()).toEqual({ role_id: 1 });
    sqlite.prepare('UPDATE roles SET only_managed_clients = 1 WHERE id = 1').run();
    expect(sqlite.prepare('SELECT only_managed_clients FROM roles WHERE id = 1').get()).toEqual({ only_managed_clients: 1 });
    sqlite.close();
  });
});
