import type { AlertKind } from '../../contract/alerts.vocab';
import { formatDecimal } from '../../contract/money';

/** Pure: which subjects a rule fires for, from rows already read, the rule and the clock. No Db, no timer. */

export type RuleSetting = { enabled: boolean; threshold: number };
export type RuleSet = Record<AlertKind, RuleSetting>;

/** One subject a rule fires for, with the measured value (the rule's unit) and a sentence for people. */
export type Firing = {
  kind: AlertKind;
  minerId: number | null;
  powerDeviceId: number | null;
  /** The contract over its power cap (power_cap only). */
  contractId?: number | null;
  siteId: number | null;
  clientId: number | null;
  value: number;
  message: string;
};

/** A miner polled offline; `since` is when it was last seen, else when it went offline (see alerts.facts). */
export type OfflineMiner = { minerId: number; siteId: number | null; clientId: number | null; since: string };

/** An answering miner's latest reading and its nominal hashrate: the catalogue's, else the firmware's own, else null. */
export type MinerReading = {
  minerId: number;
  siteId: number | null;
  clientId: number | null;
  hashrateGhs: number | null;
  tempMaxC: number | null;
  nominalGhs: number | null;
};

/** A power device whose last poll failed; `since` is its last good answer, else when it was added. */
export type FailingDevice = { deviceId: number; siteId: number; since: string; stateMessage: string | null };

/** Hashrate below `percent` % of nominal, compared without division: hashrate × 100 < nominal × percent. Exactly the percentage is not low. */
export const isHashrateLow = (hashrateGhs: number, nominalGhs: number, percent: number): boolean => nominalGhs > 0 && hashrateGhs * 100 < nominalGhs * percent;

/** At or above the threshold counts as hot, as the Miners table's warning has always said. */
export const isTempHigh = (tempC: number, thresholdC: number): boolean => tempC >= thresholdC;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** 14 → "14 minutes", 125 → "2 hours 5 minutes", 1500 → "1 day 1 hour". */
export function describeMinutes(minutes: number): string {
  if (minutes < 120) return plural(minutes, 'minute');
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days === 0) return [plural(hours, 'hour'), minutes % 60 ? plural(minutes % 60, 'minute') : ''].filter(Boolean).join(' ');
  return [plural(days, 'day'), hours ? plural(hours, 'hour') : ''].filter(Boolean).join(' ');
}

const ths = (ghs: number) => formatDecimal(Math.round(ghs), 3);

/** Whole minutes from an ISO instant to now; null when the instant cannot be read or is not over the threshold. */
function minutesOver(since: string, thresholdMinutes: number, nowMs: number): number | null {
  const elapsedMs = nowMs - Date.parse(since);
  if (!Number.isFinite(elapsedMs) || elapsedMs <= thresholdMinutes * 60_000) return null;
  return Math.floor(elapsedMs / 60_000);
}

/** Offline longer than the threshold (minutes): strictly more, so a miner exactly N minutes gone does not fire yet. */
export function offlineFirings(rows: readonly OfflineMiner[], rule: RuleSetting, nowMs: number): Firing[] {
  if (!rule.enabled) return [];
  const out: Firing[] = [];
  for (const row of rows) {
    const minutes = minutesOver(row.since, rule.threshold, nowMs);
    if (minutes === null) continue;
    out.push({
      kind: 'miner_offline',
      minerId: row.minerId,
      powerDeviceId: null,
      siteId: row.siteId,
      clientId: row.clientId,
      value: minutes,
      message: `Offline for ${describeMinutes(minutes)} (rule: over ${plural(rule.threshold, 'minute')})`,
    });
  }
  return out;
}

/** Latest hashrate below the threshold's share of the model's nominal; the value is the whole percentage, rounded down. */
export function hashrateLowFirings(rows: readonly MinerReading[], rule: RuleSetting): Firing[] {
  if (!rule.enabled) return [];
  const out: Firing[] = [];
  for (const row of rows) {
    if (row.hashrateGhs === null || row.nominalGhs === null || !isHashrateLow(row.hashrateGhs, row.nominalGhs, rule.threshold)) continue;
    const percent = Math.floor((row.hashrateGhs * 100) / row.nominalGhs);
    out.push({
      kind: 'hashrate_low',
      minerId: row.minerId,
      powerDeviceId: null,
      siteId: row.siteId,
      clientId: row.clientId,
      value: percent,
      message: `Hashrate ${ths(row.hashrateGhs)} TH/s is ${percent} % of the nominal ${ths(row.nominalGhs)} TH/s (rule: below ${rule.threshold} %)`,
    });
  }
  return out;
}

/** Hottest reading at or above the threshold (°C). */
export function tempHighFirings(rows: readonly MinerReading[], rule: RuleSetting): Firing[] {
  if (!rule.enabled) return [];
  const out: Firing[] = [];
  for (const row of rows) {
    if (row.tempMaxC === null || !isTempHigh(row.tempMaxC, rule.threshold)) continue;
    out.push({
      kind: 'temp_high',
      minerId: row.minerId,
      powerDeviceId: null,
      siteId: row.siteId,
      clientId: row.clientId,
      value: row.tempMaxC,
      message: `Temperature ${row.tempMaxC} °C (rule: ${rule.threshold} °C or more)`,
    });
  }
  return out;
}

/** No good answer from a PDU or meter for longer than the threshold (minutes), with the device's last failure. */
export function deviceUnreachableFirings(rows: readonly FailingDevice[], rule: RuleSetting, nowMs: number): Firing[] {
  if (!rule.enabled) return [];
  const out: Firing[] = [];
  for (const row of rows) {
    const minutes = minutesOver(row.since, rule.threshold, nowMs);
    if (minutes === null) continue;
    const why = row.stateMessage ? `: ${row.stateMessage}` : '';
    out.push({
      kind: 'power_device_unreachable',
      minerId: null,
      powerDeviceId: row.deviceId,
      siteId: row.siteId,
      clientId: null,
      value: minutes,
      message: `No answer for ${describeMinutes(minutes)} (rule: over ${plural(rule.threshold, 'minute')})${why}`.slice(0, 500),
    });
  }
  return out;
}
