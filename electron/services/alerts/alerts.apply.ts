import { insertRows, prepared } from '../../../db/bulk';
import { inChunks } from '../../../db/chunks';
import type { Db } from '../../../db/open-db';
import type { AlertEvaluation } from '../../contract/alerts';
import type { AlertKind } from '../../contract/alerts.vocab';
import {
  deviceUnreachableFirings,
  hashrateLowFirings,
  offlineFirings,
  tempHighFirings,
  type FailingDevice,
  type Firing,
  type MinerReading,
  type OfflineMiner,
  type RuleSet,
} from './alerts.evaluate';
import { forgetContractPowerWatch, watchContractPower } from '../contracts/contracts.power';
import { powerCapFirings } from './alerts.power-cap';
import { readRuleSet } from './alerts.rules';

/**
 * Miners watched by alerts: the ones the telemetry poller polls (an address, not retired), less those away
 * for repair (rma), whose silence is expected.
 */
const WATCHED = `m.ip IS NOT NULL AND m.ip <> '' AND m.state NOT IN ('retired', 'rma')`;

/**
 * Offline since: when the miner last answered; a miner never seen counts from its first poll (its oldest
 * 5-minute sample), else (added offline, never polled here) from when it was added.
 */
const OFFLINE_MINERS = `SELECT m.id AS minerId, m.site_id AS siteId, m.client_id AS clientId,
    COALESCE(m.last_seen_at, (SELECT MIN(s.at) FROM miner_samples s WHERE s.miner_id = m.id), m.created_at) AS since
  FROM miners m WHERE m.live_status = 'offline' AND ${WATCHED}`;

/**
 * Answering miners' latest readings with the catalogue's nominal hashrate (else the firmware's own figure), narrowed in SQL to the ones an
 * enabled rule may fire for (the same comparisons as isHashrateLow and isTempHigh, which decide): reading
 * every answering miner into JS costs four times as much on 100,000 miners.
 */
function minerReadings(db: Db, rules: RuleSet): MinerReading[] {
  const may = [
    rules.hashrate_low.enabled ? 'l.hashrate_ghs * 100 < COALESCE(mm.nominal_hashrate_ghs, l.nominal_hashrate_ghs) * ?' : null,
    rules.temp_high.enabled ? 'l.temp_max_c >= ?' : null,
  ].filter((condition) => condition !== null);
  const params = [rules.hashrate_low.enabled ? rules.hashrate_low.threshold : null, rules.temp_high.enabled ? rules.temp_high.threshold : null];
  const text = `SELECT m.id AS minerId, m.site_id AS siteId, m.client_id AS clientId, l.hashrate_ghs AS hashrateGhs,
    l.temp_max_c AS tempMaxC, COALESCE(mm.nominal_hashrate_ghs, l.nominal_hashrate_ghs) AS nominalGhs
  FROM miners m JOIN miner_latest l ON l.miner_id = m.id LEFT JOIN miner_models mm ON mm.id = m.model_id
  WHERE m.live_status IN ('online', 'warning') AND ${WATCHED} AND (${may.join(' OR ')})`;
  return prepared(db.$client, text).all(params.filter((p) => p !== null)) as MinerReading[];
}

/** Enabled PDUs and meters whose last poll failed; a device never polled is not judged. */
const FAILING_DEVICES = `SELECT d.id AS deviceId, d.site_id AS siteId, COALESCE(d.last_ok_at, d.created_at) AS since, d.state_message AS stateMessage
  FROM power_devices d WHERE d.enabled = 1 AND d.state IN ('unreachable', 'error') AND d.last_polled_at IS NOT NULL`;

const UNRESOLVED = `SELECT id, kind, miner_id AS minerId, power_device_id AS powerDeviceId, contract_id AS contractId, value, message FROM alerts WHERE resolved_at IS NULL`;
// Every changed alert in one statement: [[id, value, message], …] as JSON (offline minutes change for each offline miner every minute).
const UPDATE_VALUES = `UPDATE alerts SET value = j.value ->> 1, message = j.value ->> 2, last_seen_at = ?
  FROM json_each(?) AS j WHERE alerts.id = j.value ->> 0`;
// The rest still firing: each row is written once per evaluation, not twice.
const TOUCH_UNRESOLVED = `UPDATE alerts SET last_seen_at = @at WHERE resolved_at IS NULL AND last_seen_at <> @at`;
const COUNT_UNRESOLVED = `SELECT count(*) AS n FROM alerts WHERE resolved_at IS NULL`;
const INSERT_COLUMNS = [
  'kind',
  'miner_id',
  'power_device_id',
  'contract_id',
  'site_id',
  'client_id',
  'message',
  'value',
  'threshold',
  'opened_at',
  'last_seen_at',
];

type Unresolved = {
  id: number;
  kind: AlertKind;
  minerId: number | null;
  powerDeviceId: number | null;
  contractId: number | null;
  value: number | null;
  message: string;
};

const subjectKey = (a: { kind: string; minerId: number | null; powerDeviceId: number | null; contractId?: number | null }) =>
  `${a.kind}:${a.minerId ?? 0}:${a.powerDeviceId ?? 0}:${a.contractId ?? 0}`;

/** Every rule's firings now, from a few set-wide reads (no query per miner). */
function currentFirings(db: Db, nowMs: number): { firings: Firing[]; thresholds: Record<AlertKind, number> } {
  const sqlite = db.$client;
  const rules = readRuleSet(db);
  const firings: Firing[] = [];
  if (rules.miner_offline.enabled) firings.push(...offlineFirings(prepared(sqlite, OFFLINE_MINERS).all() as OfflineMiner[], rules.miner_offline, nowMs));
  if (rules.hashrate_low.enabled || rules.temp_high.enabled) {
    const readings = minerReadings(db, rules);
    firings.push(...hashrateLowFirings(readings, rules.hashrate_low), ...tempHighFirings(readings, rules.temp_high));
  }
  if (rules.power_device_unreachable.enabled) {
    firings.push(...deviceUnreachableFirings(prepared(sqlite, FAILING_DEVICES).all() as FailingDevice[], rules.power_device_unreachable, nowMs));
  }
  if (rules.power_cap.enabled) firings.push(...powerCapFirings(watchContractPower(db, new Date(nowMs).toISOString()), rules.power_cap, nowMs));
  else forgetContractPowerWatch(db);
  const thresholds = Object.fromEntries(Object.entries(rules).map(([kind, rule]) => [kind, rule.threshold])) as Record<AlertKind, number>;
  return { firings, thresholds };
}

/**
 * One evaluation in one transaction: opens an alert for each new firing, updates the value and message of
 * those still firing and the last-seen time of all of them, and resolves the ones that cleared (a disabled
 * rule clears all of its own). A subject that fires again after resolving gets a new alert.
 */
export function evaluateAlerts(db: Db, now: Date): AlertEvaluation {
  const startedMs = performance.now();
  const sqlite = db.$client;
  const at = now.toISOString();
  return db.transaction(() => {
    const { firings, thresholds } = currentFirings(db, now.getTime());
    const unresolved = new Map((prepared(sqlite, UNRESOLVED).all() as Unresolved[]).map((row) => [subjectKey(row), row]));
    const inserts: unknown[][] = [];
    const changed: [number, number, string][] = [];
    for (const firing of firings) {
      const key = subjectKey(firing);
      const open = unresolved.get(key);
      if (!open) {
        const { kind, minerId, powerDeviceId, contractId = null, siteId, clientId, message, value } = firing;
        inserts.push([kind, minerId, powerDeviceId, contractId, siteId, clientId, message, value, thresholds[kind], at, at]);
        continue;
      }
      unresolved.delete(key);
      if (open.value !== firing.value || open.message !== firing.message) changed.push([open.id, firing.value, firing.message]);
    }
    // What is left unresolved did not fire this time: it cleared.
    const cleared = [...unresolved.values()].map((row) => row.id);
    for (const chunk of inChunks(cleared, 5_000)) {
      // Whole-number ids written into the text: thousands of them cost no bound parameters (not cached: each text is new).
      sqlite.prepare(`UPDATE alerts SET resolved_at = ? WHERE id IN (${chunk.join(', ')})`).run(at);
    }
    if (changed.length) prepared(sqlite, UPDATE_VALUES).run(at, JSON.stringify(changed));
    prepared(sqlite, TOUCH_UNRESOLVED).run({ at });
    insertRows(sqlite, 'alerts', INSERT_COLUMNS, inserts);
    const active = (prepared(sqlite, COUNT_UNRESOLVED).get() as { n: number }).n;
    return { at, opened: inserts.length, updated: changed.length, resolved: cleared.length, active, durationMs: Math.round(performance.now() - startedMs) };
  });
}
