import { prepared } from '../../../db/bulk';
import type { Db } from '../../../db/open-db';
import type { MinerLiveStatus } from '../../contract/miners';
import type { TelemetryCycle, TelemetryNote } from '../../contract/telemetry';
import { readWarningThresholds } from '../alerts/alerts.rules';
import { recordAuditRows, type AuditRecord } from '../audit/record-audit';
import type { DriverOptions, MinerDriver } from '../discovery/drivers/types';
import { readSettingsRow } from '../settings/settings.service';
import { accFromRow, addPoll, emptyAcc, epochSOf, isoAt, rowFromAcc, type PollReading, type SampleAcc, type SampleRow } from './telemetry.buckets';
import { eachLimited, pause, pollMiner, type PollOutcome, type PollTarget } from './telemetry.poll';
import { refreshRollups } from './telemetry.rollups';
import { liveStatusOf, powerOf, warningReasons, type OutletPower } from './telemetry.rules';
import { emptyTelemetry } from '../discovery/drivers/common';

/** What survives from one cycle to the next inside the app: exact bucket sums and when each miner was last polled. */
export type PollerMemory = {
  accs: Map<string, SampleAcc>;
  lastPollS: Map<number, number>;
};

export const newPollerMemory = (): PollerMemory => ({ accs: new Map(), lastPollS: new Map() });

export type CycleOptions = {
  drivers: ReadonlyMap<string, MinerDriver>;
  driverOptions?: DriverOptions;
  intervalS: number;
  concurrency: number;
  timeoutMs: number;
  /** The cycle's time: every poll of the cycle is accounted at this instant. */
  now: Date;
  signal: AbortSignal;
  memory: PollerMemory;
  /** The PDU outlet reading of a miner: the seam for the power work; until then no miner has one. */
  outletPower?: (minerId: number) => OutletPower | null;
  /** Results are written in batches of this many miners (one transaction each). */
  batchSize?: number;
  /** false once the app is stopping: nothing more is written. */
  mayWrite?: () => boolean;
  /**
   * Spread the starts of the polls evenly over this many ms (scheduled cycles: half the interval), so a
   * large fleet costs a fraction of a core over the minute instead of a full core in a burst. 0: start
   * as fast as `concurrency` allows (Poll now).
   */
  spreadMs?: number;
};

const MAX_NOTES = 50;

/** Every miner with an address that is not retired, with its model's nominal figures and its site's zone. */
export function loadTargets(db: Db, orgZone: string): PollTarget[] {
  const rows = prepared(
    db.$client,
    `SELECT m.id, m.asset_id AS assetId, m.ip, m.family, mm.nominal_hashrate_ghs AS nominalGhs, mm.nominal_power_w AS nameplateW,
       COALESCE(s.time_zone, ?) AS zone, l.at AS lastPolledAt
     FROM miners m LEFT JOIN miner_models mm ON mm.id = m.model_id LEFT JOIN sites s ON s.id = m.site_id
       LEFT JOIN miner_latest l ON l.miner_id = m.id
     WHERE m.ip IS NOT NULL AND m.ip <> '' AND m.state <> 'retired' ORDER BY m.id`,
  ).all(orgZone) as PollTarget[];
  return rows;
}

const accKey = (minerId: number, bucketS: number) => `${minerId}:${bucketS}`;

const SAMPLE_UPSERT = `INSERT INTO miner_samples (miner_id, at, polls, answered, hashrate_ghs, power_w, power_source, temp_max_c, online_s, energy_wh)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (miner_id, at) DO UPDATE SET polls = excluded.polls, answered = excluded.answered,
  hashrate_ghs = excluded.hashrate_ghs, power_w = excluded.power_w, power_source = excluded.power_source, temp_max_c = excluded.temp_max_c,
  online_s = excluded.online_s, energy_wh = excluded.energy_wh`;
const LATEST_UPSERT = `INSERT INTO miner_latest (miner_id, at, hashrate_ghs, temp_max_c, fans_rpm, pool_url, pool_user, power_w, power_source, uptime_s,
  nominal_hashrate_ghs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (miner_id) DO UPDATE SET at = excluded.at, hashrate_ghs = excluded.hashrate_ghs,
  temp_max_c = excluded.temp_max_c, fans_rpm = excluded.fans_rpm, pool_url = excluded.pool_url, pool_user = excluded.pool_user,
  power_w = excluded.power_w, power_source = excluded.power_source, uptime_s = excluded.uptime_s,
  nominal_hashrate_ghs = COALESCE(excluded.nominal_hashrate_ghs, miner_latest.nominal_hashrate_ghs)`;
// An offline miner hashes nothing and draws 0 W; its pool settings are kept as last read.
const LATEST_OFFLINE = `INSERT INTO miner_latest (miner_id, at, hashrate_ghs, power_w) VALUES (?, ?, 0, 0)
  ON CONFLICT (miner_id) DO UPDATE SET at = excluded.at, hashrate_ghs = 0, temp_max_c = NULL, fans_rpm = NULL, power_w = 0, power_source = NULL, uptime_s = NULL`;
const STATUS_UPDATE = `UPDATE miners SET live_status = ?, last_seen_at = COALESCE(?, last_seen_at) WHERE id = ?`;
const FAMILY_UPDATE = `UPDATE miners SET family = ? WHERE id = ? AND family IS NULL`;
const SAMPLE_BY_KEY = `SELECT miner_id AS minerId, at, polls, answered, hashrate_ghs AS hashrateGhs, power_w AS powerW, power_source AS powerSource,
  temp_max_c AS tempMaxC, online_s AS onlineS, energy_wh AS energyWh FROM miner_samples WHERE miner_id = ? AND at = ?`;

type Result = { target: PollTarget; outcome: PollOutcome };

/**
 * One poll cycle: every target at most `concurrency` at once, each within its own timeout and the cycle's
 * signal; results written in batches (latest snapshot, live status, samples), then the hourly and daily
 * rollups of the buckets it touched. Returns the cycle's summary.
 */
export async function runCycle(db: Db, opts: CycleOptions): Promise<TelemetryCycle> {
  const startedMs = Date.now();
  const nowS = Math.floor(opts.now.getTime() / 1000);
  const atIso = isoAt(nowS);
  const orgZone = readSettingsRow(db).timeZone;
  const targets = loadTargets(db, orgZone);
  const thresholds = readWarningThresholds(db);
  const mayWrite = opts.mayWrite ?? (() => true);
  const batchSize = opts.batchSize ?? 500;
  const summary: TelemetryCycle = {
    startedAt: opts.now.toISOString(),
    finishedAt: null,
    durationMs: null,
    polled: 0,
    answered: 0,
    offline: 0,
    warnings: 0,
    unsupported: 0,
    identified: 0,
    notes: [],
  };
  const note = (target: PollTarget, message: string) => {
    if (summary.notes.length < MAX_NOTES) summary.notes.push({ minerId: target.id, assetId: target.assetId, ip: target.ip, message } satisfies TelemetryNote);
  };
  const touchedBuckets = new Set<number>();
  const { accs, lastPollS } = opts.memory;
  const sqlite = db.$client;

  const accFor = (minerId: number) => (bucketS: number) => {
    const key = accKey(minerId, bucketS);
    let acc = accs.get(key);
    if (!acc) {
      const row = prepared(sqlite, SAMPLE_BY_KEY).get(minerId, isoAt(bucketS)) as SampleRow | undefined;
      acc = row ? accFromRow(row) : emptyAcc(minerId, bucketS);
      accs.set(key, acc);
    }
    return acc;
  };

  const writeOne = ({ target, outcome }: Result, audits: AuditRecord[]) => {
    summary.polled += 1;
    if (outcome.kind === 'unsupported') {
      summary.unsupported += 1;
      note(target, outcome.message);
      return;
    }
    if (outcome.identified) {
      summary.identified += 1;
      prepared(sqlite, FAMILY_UPDATE).run(outcome.identified, target.id);
      audits.push({
        actor: 'telemetry',
        action: 'miner.family.identified',
        entity: 'miner',
        entityId: target.id,
        before: { family: null },
        after: { family: outcome.identified },
      });
    }
    let status: MinerLiveStatus;
    let reading: PollReading;
    if (outcome.kind === 'offline') {
      summary.offline += 1;
      note(target, outcome.message);
      status = 'offline';
      reading = { answered: false, hashrateGhs: null, tempMaxC: null, powerW: null, powerSource: null };
      prepared(sqlite, LATEST_OFFLINE).run(target.id, atIso);
    } else {
      summary.answered += 1;
      const t = outcome.kind === 'answered' ? outcome.telemetry : emptyTelemetry();
      const reasons = outcome.kind === 'answered' ? warningReasons(t, target.nominalGhs, thresholds) : [outcome.message];
      if (outcome.kind === 'unreadable') note(target, outcome.message);
      status = liveStatusOf(true, reasons);
      const power = powerOf(t, opts.outletPower?.(target.id) ?? null, target.nameplateW);
      const hashrate = t.hashrateGhs === null ? null : Math.max(0, Math.round(t.hashrateGhs));
      const temp = t.tempMaxC === null ? null : Math.round(t.tempMaxC);
      reading = { answered: true, hashrateGhs: hashrate, tempMaxC: temp, powerW: power?.powerW ?? null, powerSource: power?.source ?? null };
      const pool = t.pools.find((p) => p.status === 'active') ?? t.pools[0] ?? null;
      prepared(sqlite, LATEST_UPSERT).run(
        target.id,
        atIso,
        hashrate,
        temp,
        t.fansRpm.length ? JSON.stringify(t.fansRpm.map((rpm) => Math.round(rpm))) : null,
        pool?.url ?? null,
        pool?.user ?? null,
        reading.powerW,
        reading.powerSource,
        t.uptimeS === null ? null : Math.round(t.uptimeS),
        t.nominalHashrateGhs === null ? null : Math.round(t.nominalHashrateGhs),
      );
    }
    if (status === 'warning') summary.warnings += 1;
    prepared(sqlite, STATUS_UPDATE).run(status, status === 'offline' ? null : atIso, target.id);

    const previousS = lastPollS.get(target.id) ?? (target.lastPolledAt ? epochSOf(target.lastPolledAt) : null);
    lastPollS.set(target.id, nowS);
    for (const acc of addPoll(accFor(target.id), reading, previousS, nowS, opts.intervalS)) {
      const row = rowFromAcc(acc);
      touchedBuckets.add(acc.bucketS);
      prepared(sqlite, SAMPLE_UPSERT).run(
        row.minerId,
        row.at,
        row.polls,
        row.answered,
        row.hashrateGhs,
        row.powerW,
        row.powerSource,
        row.tempMaxC,
        row.onlineS,
        row.energyWh,
      );
    }
  };

  const buffer: Result[] = [];
  const flush = (final: boolean) => {
    if (!mayWrite()) return;
    const batch = buffer.splice(0);
    db.transaction((tx) => {
      const audits: AuditRecord[] = [];
      for (const result of batch) writeOne(result, audits);
      if (audits.length) recordAuditRows(tx, audits);
      if (final && touchedBuckets.size) refreshRollups(db, touchedBuckets, new Set(targets.map((t) => t.zone)), orgZone);
    });
  };

  const spreadMs = opts.spreadMs ?? 0;
  await eachLimited(targets, opts.concurrency, opts.signal, async (target, index) => {
    if (spreadMs > 0) await pause(startedMs + Math.floor((index * spreadMs) / targets.length) - Date.now(), opts.signal);
    if (opts.signal.aborted) return;
    const outcome = await pollMiner(target, { drivers: opts.drivers, timeoutMs: opts.timeoutMs, signal: opts.signal, driverOptions: opts.driverOptions });
    if (opts.signal.aborted) return; // the app is stopping: a cut-short reading is not an offline miner
    buffer.push({ target, outcome });
    if (buffer.length >= batchSize) flush(false);
  });
  if (!opts.signal.aborted) flush(true);

  // Sums of buckets the next poll can no longer reach are dropped from memory.
  const oldestS = nowS - opts.intervalS - 600;
  for (const [key, acc] of accs) if (acc.bucketS < oldestS) accs.delete(key);

  summary.durationMs = Date.now() - startedMs;
  summary.finishedAt = new Date(opts.now.getTime() + summary.durationMs).toISOString();
  return summary;
}
