import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoFacility } from '../../../tests/helpers/demo-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { contract } from '../../contract';
import { evaluateAlerts } from '../alerts/alerts.apply';
import { listAlerts } from '../alerts/alerts.list';
import { sentences } from '../audit/audit.sentences';
import { listMiners } from '../miners/miners.list';
import { energySeries } from '../power/power.energy';
import { telemetrySeries } from '../telemetry/telemetry.series';

const DAY_MS = 86_400_000;
let t: TempDb;
let startedMs = 0;
beforeAll(() => {
  t = openTempDb();
  startedMs = Date.now();
  seedDemoFacility(t.db);
}, 300_000);
afterAll(() => t.close());

const all = <T = Record<string, unknown>>(sql: string, ...params: unknown[]) => t.db.$client.prepare(sql).all(...params) as T[];
const one = <T = Record<string, unknown>>(sql: string, ...params: unknown[]) => t.db.$client.prepare(sql).get(...params) as T;
const ago = (days: number) => new Date(startedMs - days * DAY_MS).toISOString();
const siteId = (name: string) => one<{ id: number }>('SELECT id FROM sites WHERE name = ?', name).id;

describe('the demo facility', () => {
  it('has been running for months: changes spread over them, numbered in time order, the last day’s news last', () => {
    const span = one<{ first: string; last: string }>('SELECT min(at) AS first, max(at) AS last FROM audit_log');
    expect(span.first < ago(400)).toBe(true);
    expect(span.last <= new Date().toISOString()).toBe(true);
    expect(one('SELECT count(*) AS n FROM (SELECT at < lag(at) OVER (ORDER BY id) AS back FROM audit_log) WHERE back')).toEqual({ n: 0 });
    expect(one<{ n: number }>('SELECT count(*) AS n FROM audit_log WHERE at > ?', ago(1)).n).toBeGreaterThan(3);
    expect(one<{ n: number }>('SELECT count(DISTINCT substr(created_at, 1, 7)) AS n FROM clients').n).toBeGreaterThan(12);
    expect(one<{ n: number }>('SELECT count(DISTINCT substr(created_at, 1, 10)) AS n FROM miners').n).toBeGreaterThan(40);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM client_status_history WHERE at < ?', ago(2)).n).toBeGreaterThan(10);
    const tasks = one<{ first: string; last: string }>('SELECT min(created_at) AS first, max(created_at) AS last FROM tasks');
    expect(tasks.first < ago(20) && tasks.last > ago(3)).toBe(true);
  });

  it('shows every answering miner with live hashrate, temperature and power, and offline ones since they stopped', () => {
    const missing = `SELECT count(*) AS n FROM miners m LEFT JOIN miner_latest l ON l.miner_id = m.id
      WHERE m.live_status IN ('online', 'warning') AND (l.hashrate_ghs IS NULL OR l.hashrate_ghs <= 0 OR l.temp_max_c IS NULL OR l.power_w IS NULL OR m.last_seen_at < ?)`;
    expect(one(missing, ago(0.01))).toEqual({ n: 0 });
    const offNominal = `SELECT count(*) AS n FROM miners m JOIN miner_latest l ON l.miner_id = m.id JOIN miner_models mm ON mm.id = m.model_id
      WHERE m.live_status = 'online' AND abs(l.hashrate_ghs - mm.nominal_hashrate_ghs) * 100 > mm.nominal_hashrate_ghs * 5`;
    expect(one(offNominal)).toEqual({ n: 0 });
    expect(one("SELECT count(*) AS n FROM miners WHERE live_status = 'offline' AND (last_seen_at IS NULL OR last_seen_at > ?)", ago(0.01))).toEqual({ n: 0 });
    expect(one("SELECT count(*) AS n FROM miners WHERE live_status = 'unknown' AND rack_id IS NOT NULL")).toEqual({ n: 0 });
    const page = listMiners(t.db, contract['miners.list'].input.parse({ statuses: ['online'], limit: 200 }));
    expect(page.rows.every((row) => row.live?.hashrateThs && row.live.tempMaxC !== null && row.live.powerW)).toBe(true);
  });

  it('charts a site over the last day and the last month', () => {
    const series = (from: string) => telemetrySeries(t.db, { siteId: siteId('Midland TX'), metric: 'hashrate', from, to: new Date().toISOString() });
    const day = series(ago(1));
    const month = series(ago(30));
    expect(day.resolution).toBe('5m');
    expect(day.points.filter((p) => p.value).length).toBeGreaterThan(20);
    expect(month.resolution).toBe('1h');
    expect(month.points.filter((p) => p.value).length).toBeGreaterThan(25);
  });

  it('meters power: PDUs with an outlet per miner in their rack, a site meter, months of hourly energy, one PDU silent', () => {
    expect(all('SELECT kind, state, count(*) AS n FROM power_devices GROUP BY kind, state ORDER BY kind, state')).toEqual([
      { kind: 'meter', state: 'ok', n: 1 },
      { kind: 'pdu', state: 'ok', n: 2 },
      { kind: 'pdu', state: 'unreachable', n: 1 },
    ]);
    const misplaced = `SELECT count(*) AS n FROM outlet_assignments a JOIN power_outlets o ON o.id = a.outlet_id JOIN power_devices d ON d.id = o.device_id
      JOIN miners m ON m.id = a.miner_id WHERE a.to_at IS NULL AND m.rack_id IS NOT d.rack_id`;
    expect(one(misplaced)).toEqual({ n: 0 });
    expect(one<{ n: number }>('SELECT count(*) AS n FROM outlet_assignments WHERE to_at IS NULL').n).toBeGreaterThanOrEqual(48);
    expect(one<{ first: string }>('SELECT min(hour) AS first FROM energy_hourly').first < ago(92)).toBe(true);
    // A PDU's own total reads the same feed as its outlets, hour by hour.
    const unequal = `SELECT count(*) AS n FROM energy_hourly tot JOIN energy_counters c ON c.id = tot.counter_id AND c.outlet_id IS NULL
      JOIN power_devices d ON d.id = c.device_id AND d.kind = 'pdu'
      WHERE tot.hour < ? AND tot.energy_wh <> (SELECT sum(h.energy_wh) FROM energy_hourly h JOIN energy_counters oc ON oc.id = h.counter_id
        WHERE oc.device_id = c.device_id AND oc.outlet_id IS NOT NULL AND h.hour = tot.hour)`;
    expect(one(unequal, ago(1))).toEqual({ n: 0 });
    // A miner that does not report its power shows its outlet's reading, as the poller does with a fresh outlet.
    const unmetered = `SELECT count(*) AS n FROM miner_latest l JOIN outlet_assignments a ON a.miner_id = l.miner_id AND a.to_at IS NULL
      JOIN power_outlets o ON o.id = a.outlet_id WHERE o.read_at > ? AND (l.power_source = 'nameplate' OR (l.power_source = 'pdu' AND l.power_w <> o.power_w))`;
    expect(one(unmetered, ago(0.003))).toEqual({ n: 0 });
    expect(one<{ n: number }>("SELECT count(*) AS n FROM miner_latest WHERE power_source = 'pdu'").n).toBeGreaterThan(0);
    const energy = energySeries(t.db, { siteId: siteId('Midland TX'), from: ago(90), to: new Date().toISOString() });
    expect(energy.counters).toBe(1);
    expect(energy.points.length).toBeGreaterThan(89 * 24);
    expect(energy.totalWh).toBeGreaterThan(0);
  });

  it('has alerts open, acknowledged with a note and resolved, just as its rules judge the facility now', () => {
    const { statusCounts } = listAlerts(t.db, contract['alerts.list'].input.parse({}));
    expect(statusCounts.open).toBeGreaterThan(0);
    expect(statusCounts.acknowledged).toBeGreaterThan(0);
    expect(statusCounts.resolved).toBeGreaterThan(0);
    expect(one('SELECT count(*) AS n FROM alerts WHERE acknowledged_at IS NOT NULL AND (note IS NULL OR acknowledged_by IS NULL)')).toEqual({ n: 0 });
    expect(one<{ first: string }>('SELECT min(opened_at) AS first FROM alerts WHERE resolved_at IS NULL').first < ago(1)).toBe(true);
    const kinds = all<{ kind: string }>('SELECT DISTINCT kind FROM alerts WHERE resolved_at IS NULL ORDER BY kind').map((r) => r.kind);
    expect(kinds).toEqual(['hashrate_low', 'miner_offline', 'power_device_unreachable', 'temp_high']);
    const evaluation = evaluateAlerts(t.db, new Date());
    expect({ opened: evaluation.opened, resolved: evaluation.resolved }).toEqual({ opened: 0, resolved: 0 });
  });

  it('has scans added to the inventory, one waiting to be added, one cancelled, and identity reviews waiting', () => {
    expect(all('SELECT status, committed_at IS NOT NULL AS committed, count(*) AS n FROM discovery_scans GROUP BY 1, 2 ORDER BY 1, 2')).toEqual([
      { status: 'cancelled', committed: 0, n: 1 },
      { status: 'done', committed: 0, n: 1 },
      { status: 'done', committed: 1, n: 2 },
    ]);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM miner_identity_reviews WHERE status = 'open'").n).toBeGreaterThan(0);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM miner_identity_history WHERE source = 'discovery'").n).toBeGreaterThan(0);
  });

  it('writes each change of the floor with an action the audit describes in words', () => {
    const floorActions = all<{ action: string }>(
      `SELECT DISTINCT action FROM audit_log WHERE entity IN ('client', 'client_contact', 'client_pricing', 'miner', 'task', 'alert', 'power_device', 'power_outlet', 'scan', 'site', 'rack', 'staff')`,
    ).map((r) => r.action);
    expect(floorActions.filter((action) => !(action in sentences))).toEqual([]);
    expect(one('SELECT count(*) AS n FROM audit_log WHERE before_json IS NULL AND after_json IS NULL')).toEqual({ n: 0 });
  });
});
