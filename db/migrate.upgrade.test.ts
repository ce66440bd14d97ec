import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations } from './migrate';
import { olderBuild } from './testing/older-build';
import { openDb } from './open-db';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A database file written by an older build (its first `count` migrations) holding what `inserts` add. */
function databaseOfBuild(count: number, inserts: string[]): string {
  dir = mkdtempSync(join(tmpdir(), 'hashdesk-upgrade-'));
  const file = join(dir, 'hashdesk.db');
  const old = new Database(file);
  applyMigrations(old, olderBuild(dir, count));
  for (const statement of inserts) old.prepare(statement).run();
  old.close();
  return file;
}

const clientTables = [
  'clients',
  'staff',
  'client_groups',
  'client_status_history',
  'client_contacts',
  'client_pricing',
  'client_documents',
  'miners',
  'miner_client_assignments',
  'tasks',
];
const tableNames = (sqlite: Database.Database) =>
  (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);

describe('upgrading a database', () => {
  it('builds every table of every migration on an empty database', () => {
    dir = mkdtempSync(join(tmpdir(), 'hashdesk-upgrade-'));
    const db = openDb(join(dir, 'fresh.db'));
    expect(tableNames(db.$client)).toEqual(expect.arrayContaining(['settings', 'audit_log', ...clientTables]));
    expect(db.$client.prepare("SELECT count(*) AS n FROM pragma_index_list('miners') WHERE name = 'miners_client_status_idx'").get()).toEqual({ n: 1 });
    db.$client.close();
  });

  it('opens a database made by the foundation build, keeps its data and adds the clients tables', () => {
    const file = databaseOfBuild(1, [
      "INSERT INTO settings VALUES (1, 'Northwind Hosting LLC', 'Midland, TX', 'US 87-1234567', NULL, NULL, 'USD', 'America/Chicago', 68500, 'NW-', '2025-01-01T00:00:00.000Z')",
      "INSERT INTO audit_log (at, actor, action, entity, entity_id) VALUES ('2025-01-01T00:00:00.000Z', 'me', 'settings.updated', 'settings', '1')",
    ]);
    const db = openDb(file);
    const sqlite = db.$client;
    expect(sqlite.prepare('SELECT organisation_name, energy_rate_micro_per_kwh FROM settings').get()).toEqual({
      organisation_name: 'Northwind Hosting LLC',
      energy_rate_micro_per_kwh: 68500,
    });
    expect(sqlite.prepare('SELECT action, client_id FROM audit_log').all()).toEqual([{ action: 'settings.updated', client_id: null }]);
    const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining(['clients', 'staff', 'client_groups', 'client_pricing', 'client_documents', 'miners', 'miner_client_assignments', 'tasks']),
    );
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    sqlite.close();
  });

  it('opens a database made by the clients build, keeps its miners unplaced and adds sites, racks and the seeded catalogue', () => {
    const file = databaseOfBuild(3, [
      "INSERT INTO miners (asset_id, make, model, created_at, updated_at) VALUES ('NW-00001', 'Bitmain', 'Antminer S21', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')",
    ]);
    const sqlite = openDb(file).$client;
    expect(sqlite.prepare('SELECT asset_id, model_id, site_id, rack_id, rack_position FROM miners').all()).toEqual([
      { asset_id: 'NW-00001', model_id: null, site_id: null, rack_id: null, rack_position: null },
    ]);
    expect(tableNames(sqlite)).toEqual(expect.arrayContaining(['sites', 'site_rooms', 'racks', 'miner_models']));
    expect(sqlite.prepare('SELECT count(*) AS n FROM miner_models').get()).toEqual({ n: 16 });
    sqlite.close();
  });

  it('opens a database made by the first fleet build and starts each miner identity history from its current values', () => {
    const file = databaseOfBuild(6, [
      "INSERT INTO miners (asset_id, serial, mac, ip, make, model, created_at, updated_at) VALUES ('NW-00001', 'SN1', 'AA:BB:CC:00:00:01', '127.60.0.1', 'Bitmain', 'Antminer S21', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')",
      "INSERT INTO tasks (title, type, created_at, updated_at) VALUES ('Swap fan', 'repair', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')",
    ]);
    const sqlite = openDb(file).$client;
    expect(sqlite.prepare('SELECT notes, firmware, worker_name, last_seen_at FROM miners').get()).toEqual({
      notes: '',
      firmware: null,
      worker_name: null,
      last_seen_at: null,
    });
    expect(sqlite.prepare('SELECT kind, value, from_at, to_at, source FROM miner_identity_history ORDER BY kind').all()).toEqual([
      { kind: 'ip', value: '127.60.0.1', from_at: '2025-01-01T00:00:00Z', to_at: null, source: 'manual' },
      { kind: 'mac', value: 'AA:BB:CC:00:00:01', from_at: '2025-01-01T00:00:00Z', to_at: null, source: 'manual' },
      { kind: 'serial', value: 'SN1', from_at: '2025-01-01T00:00:00Z', to_at: null, source: 'manual' },
    ]);
    expect(sqlite.prepare('SELECT title, description, created_by, closed_at FROM tasks').get()).toEqual({
      title: 'Swap fan',
      description: '',
      created_by: '',
      closed_at: null,
    });
    expect(tableNames(sqlite)).toEqual(expect.arrayContaining(['miner_tags', 'miner_identity_reviews', 'miner_latest', 'task_miners', 'task_comments']));
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    sqlite.close();
  });

  it('opens a database made before the search index, indexes its miners and keeps the index in step with later changes', () => {
    const file = databaseOfBuild(9, [
      "INSERT INTO miners (asset_id, serial, ip, make, model, worker_name, created_at, updated_at) VALUES ('NW-00001', 'SN-OLD-1', '127.60.0.1', 'Bitmain', 'Antminer S21', 'acme.r01', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')",
    ]);
    const sqlite = openDb(file).$client;
    const found = (term: string) => sqlite.prepare('SELECT rowid FROM miners_search WHERE text LIKE ?').pluck().all(`%${term}%`);
    expect(found('sn-old')).toEqual([1]);
    expect(found('acme.r01')).toEqual([1]);
    sqlite.prepare("UPDATE miners SET ip = '127.60.9.9' WHERE id = 1").run();
    expect(found('127.60.0.1')).toEqual([]);
    expect(found('127.60.9.9')).toEqual([1]);
    expect(sqlite.prepare("SELECT count(*) FROM pragma_index_list('audit_log') WHERE name = 'audit_at_idx'").pluck().get()).toBe(0);
    expect(tableNames(sqlite)).toEqual(
      expect.arrayContaining(['discovery_scans', 'discovery_results', 'miner_samples', 'miner_hourly', 'miner_daily', 'telemetry_settings']),
    );
    sqlite.close();
  });

  it('opens a database made by the telemetry build, keeps its miners and adds power devices, alerts with default rules, and device actions', () => {
    const file = databaseOfBuild(13, [
      "INSERT INTO sites (name, time_zone, created_at, updated_at) VALUES ('North', 'UTC', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')",
      "INSERT INTO miners (asset_id, ip, make, model, family, created_at, updated_at) VALUES ('NW-00001', '127.60.0.1', 'Bitmain', 'Antminer S21', 'antminer', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')",
    ]);
    const sqlite = openDb(file).$client;
    expect(sqlite.prepare('SELECT asset_id, family FROM miners').get()).toEqual({ asset_id: 'NW-00001', family: 'antminer' });
    expect(sqlite.prepare('SELECT kind, enabled, threshold FROM alert_rules ORDER BY kind').all()).toEqual([
      { kind: 'hashrate_low', enabled: 1, threshold: 80 },
      { kind: 'miner_offline', enabled: 1, threshold: 10 },
      { kind: 'power_cap', enabled: 1, threshold: 5 },
      { kind: 'power_device_unreachable', enabled: 1, threshold: 5 },
      { kind: 'temp_high', enabled: 1, threshold: 85 },
    ]);
    const device = (profile: string | null, custom: number | null) =>
      sqlite
        .prepare(
          "INSERT INTO power_devices (site_id, kind, name, host, port, builtin_profile, custom_profile_id, created_at, updated_at) VALUES (1, 'pdu', 'PDU', '127.61.0.1', ?, ?, ?, 'x', 'x')",
        )
        .run(161 + (custom ?? 0), profile, custom);
    device('apc-rpdu2', null);
    expect(() => device(null, null)).toThrow(/CHECK constraint failed/);
    const outlet = sqlite.prepare('INSERT INTO power_outlets (device_id, outlet_index) VALUES (1, 1)').run().lastInsertRowid;
    const assign = () => sqlite.prepare("INSERT INTO outlet_assignments (outlet_id, miner_id, from_at, actor) VALUES (?, 1, 'x', 'test')").run(outlet);
    assign();
    expect(assign).toThrow(/UNIQUE constraint failed/);
    const counter = () => sqlite.prepare('INSERT INTO energy_counters (device_id, outlet_id) VALUES (1, NULL)').run();
    counter();
    expect(counter).toThrow(/UNIQUE constraint failed/);
    expect(tableNames(sqlite)).toEqual(
      expect.arrayContaining([
        'power_profiles',
        'energy_readings',
        'energy_hourly',
        'energy_counter_events',
        'alerts',
        'miner_credentials',
        'holding_pool',
        'pool_redirects',
        'device_action_runs',
        'device_action_results',
      ]),
    );
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    sqlite.close();
  });

  it('opens a database made by the power build, keeps its settings and open alerts, and adds contracts, the number prefix and the power-cap rule', () => {
    const file = databaseOfBuild(15, [
      "INSERT INTO settings VALUES (1, 'Northwind Hosting LLC', '', '', NULL, NULL, 'USD', 'America/Chicago', 68500, 'NW-', '2025-01-01T00:00:00.000Z')",
      "INSERT INTO miners (asset_id, make, model, created_at, updated_at) VALUES ('NW-00001', 'Bitmain', 'Antminer S21', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')",
      "INSERT INTO alerts (kind, miner_id, message, threshold, opened_at, last_seen_at) VALUES ('miner_offline', 1, 'Offline', 10, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')",
    ]);
    const sqlite = openDb(file).$client;
    expect(sqlite.prepare('SELECT invoice_prefix, contract_prefix FROM settings').get()).toEqual({ invoice_prefix: 'NW-', contract_prefix: 'HD' });
    expect(sqlite.prepare('SELECT kind, miner_id, contract_id FROM alerts').all()).toEqual([{ kind: 'miner_offline', miner_id: 1, contract_id: null }]);
    expect(sqlite.prepare("SELECT enabled, threshold FROM alert_rules WHERE kind = 'power_cap'").get()).toEqual({ enabled: 1, threshold: 5 });
    // The open-alert key now includes the contract: a second open alert for the same miner is still refused.
    const openAgain = () =>
      sqlite
        .prepare("INSERT INTO alerts (kind, miner_id, message, threshold, opened_at, last_seen_at) VALUES ('miner_offline', 1, 'Offline', 10, 'x', 'x')")
        .run();
    expect(openAgain).toThrow(/UNIQUE constraint failed/);
    expect(tableNames(sqlite)).toEqual(
      expect.arrayContaining([
        'contracts',
        'contract_equipment',
        'contract_metering_devices',
        'contract_events',
        'contract_number_sequences',
        'contract_power_watch',
      ]),
    );
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    sqlite.close();
  });

  it('opens a database made by the first contracts build and fills the last day to give notice of each contract', () => {
    const file = databaseOfBuild(19, [
      "INSERT INTO sites (name, created_at, updated_at) VALUES ('North', 'x', 'x')",
      "INSERT INTO staff (name, email, created_at, updated_at) VALUES ('Maria', 'm@example.com', 'x', 'x')",
      "INSERT INTO clients (name, contact_email, manager_id, created_at, updated_at) VALUES ('Acme', 'ops@acme.com', 1, 'x', 'x')",
      `INSERT INTO contracts (draft_reference, type, status, client_id, site_id, term, starts_at, ends_at, term_anchor_at, currency, net_days, auto_renew, notice_days, created_at, updated_at)
       VALUES ('DRAFT-7f3a', 'hosted', 'active', 1, 1, '1y', '2026-03-17T04:00:00.000Z', '2027-03-17T04:00:00.000Z', '2026-03-17T04:00:00.000Z', 'USD', 30, 1, 60, 'x', 'x')`,
    ]);
    const sqlite = openDb(file).$client;
    expect(sqlite.prepare('SELECT notice_by FROM contracts').get()).toEqual({ notice_by: '2027-01-16T04:00:00.000Z' });
    expect(sqlite.prepare("SELECT count(*) AS n FROM pragma_index_list('contracts') WHERE name = 'contracts_status_notice_idx'").get()).toEqual({ n: 1 });
    sqlite.close();
  });
  it('opens a database made by the invoices build and gives each invoice marked paid the payment it stands for', () => {
    const invoice = (id: number, number: string, status: string, paid: number) =>
      `INSERT INTO invoices (id, client_id, contract_id, period, period_from, period_to, time_zone, status, number, issue_date, due_date, net_days, currency,
         subtotal_minor, tax_minor, total_minor, amount_paid_minor, tax_exempt, bill_to_json, issued_at, created_at, updated_at)
       VALUES (${id}, 1, 1, '2026-0${id}', 'x', 'x', 'UTC', '${status}', '${number}', '2026-0${id + 1}-02', '2026-0${id + 1}-16', 14, 'USD',
         10000, 0, 10000, ${paid}, 0, '{}', 'x', 'x', '2026-0${id + 1}-20T09:30:00.000Z')`;
    const file = databaseOfBuild(20, [
      "INSERT INTO settings (id, organisation_name, address, tax_id, currency, time_zone, energy_rate_micro_per_kwh, invoice_prefix, updated_at) VALUES (1, 'N', '', '', 'USD', 'UTC', 0, 'INV-', 'x')",
      "INSERT INTO sites (name, created_at, updated_at) VALUES ('North', 'x', 'x')",
      "INSERT INTO staff (name, email, created_at, updated_at) VALUES ('Maria', 'm@example.com', 'x', 'x')",
      "INSERT INTO clients (name, contact_email, manager_id, created_at, updated_at) VALUES ('Acme', 'ops@acme.com', 1, 'x', 'x')",
      `INSERT INTO contracts (draft_reference, type, status, client_id, site_id, term, starts_at, ends_at, term_anchor_at, currency, net_days, auto_renew, notice_days, created_at, updated_at)
       VALUES ('DRAFT-7f3a', 'hosted', 'active', 1, 1, '1y', '2026-03-17T04:00:00.000Z', '2027-03-17T04:00:00.000Z', '2026-03-17T04:00:00.000Z', 'USD', 30, 1, 60, 'x', 'x')`,
      invoice(4, 'INV-2026-000001', 'paid', 10000),
      invoice(5, 'INV-2026-000002', 'issued', 0),
    ]);
    const sqlite = openDb(file).$client;
    expect(sqlite.prepare('SELECT client_id, method, currency, amount_minor, received_on, reference FROM payments').all()).toEqual([
      { client_id: 1, method: 'bank_transfer', currency: 'USD', amount_minor: 10000, received_on: '2026-05-20', reference: 'INV-2026-000001' },
    ]);
    expect(sqlite.prepare('SELECT invoice_id, payment_id, amount_minor, reason FROM payment_allocations').all()).toEqual([
      { invoice_id: 4, payment_id: 1, amount_minor: 10000, reason: 'before_payments' },
    ]);
    expect(sqlite.prepare('SELECT default_after_days_overdue FROM settings').all()).toEqual([{ default_after_days_overdue: 30 }]);
    expect(() => sqlite.prepare('DELETE FROM payment_allocations').run()).toThrow(/cannot be deleted/);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    sqlite.close();
  });
  it('opens a database made by the payments build, keeps its PDUs with their outlets, plug-ins and energy, and takes manual devices', () => {
    const file = databaseOfBuild(21, [
      "INSERT INTO sites (name, time_zone, created_at, updated_at) VALUES ('North', 'UTC', 'x', 'x')",
      "INSERT INTO miners (asset_id, make, model, created_at, updated_at) VALUES ('NW-00001', 'Bitmain', 'Antminer S21', 'x', 'x')",
      "INSERT INTO power_devices (site_id, kind, name, host, port, builtin_profile, created_at, updated_at) VALUES (1, 'pdu', 'PDU A', '127.61.0.1', 161, 'apc-rpdu2', 'x', 'x')",
      'INSERT INTO power_outlets (device_id, outlet_index) VALUES (1, 1)',
      "INSERT INTO outlet_assignments (outlet_id, miner_id, from_at, actor) VALUES (1, 1, '2026-01-01T00:00:00.000Z', 'test')",
      "INSERT INTO energy_counters (device_id, outlet_id, last_raw, last_wh, last_at) VALUES (1, 1, '1200', 1200, '2026-01-01T01:00:00.000Z')",
      "INSERT INTO energy_readings (counter_id, at, raw, counter_wh) VALUES (1, '2026-01-01T01:00:00.000Z', '1200', 1200)",
      "INSERT INTO energy_hourly (counter_id, hour, energy_wh, covered_s) VALUES (1, '2026-01-01T00:00:00.000Z', 3000, 3600)",
    ]);
    const sqlite = openDb(file).$client;
    // The devices table was rebuilt: what hangs off it must not have gone with the old table.
    expect(sqlite.prepare('SELECT kind, name, host, port FROM power_devices').all()).toEqual([{ kind: 'pdu', name: 'PDU A', host: '127.61.0.1', port: 161 }]);
    expect(sqlite.prepare('SELECT device_id, outlet_index FROM power_outlets').all()).toEqual([{ device_id: 1, outlet_index: 1 }]);
    expect(sqlite.prepare('SELECT outlet_id, miner_id FROM outlet_assignments').all()).toEqual([{ outlet_id: 1, miner_id: 1 }]);
    expect(sqlite.prepare('SELECT raw, counter_wh, reset FROM energy_readings').all()).toEqual([{ raw: '1200', counter_wh: 1200, reset: 0 }]);
    expect(sqlite.prepare('SELECT energy_wh FROM energy_hourly').all()).toEqual([{ energy_wh: 3000 }]);
    const device = (kind: string, host: string | null, profile: string | null) =>
      sqlite
        .prepare("INSERT INTO power_devices (site_id, kind, name, host, port, builtin_profile, created_at, updated_at) VALUES (1, ?, 'D', ?, ?, ?, 'x', 'x')")
        .run(kind, host, host === null ? null : 162, profile);
    device('manual', null, null);
    expect(() => device('manual', '127.61.0.2', null)).toThrow(/CHECK constraint failed/);
    expect(() => device('pdu', null, 'apc-rpdu2')).toThrow(/CHECK constraint failed/);
    expect(() => device('pdu', '127.61.0.3', null)).toThrow(/CHECK constraint failed/);
    sqlite.prepare('DELETE FROM power_devices WHERE id = 1').run();
    expect(sqlite.prepare('SELECT count(*) FROM power_outlets').pluck().get()).toBe(0);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    sqlite.close();
  });
});
