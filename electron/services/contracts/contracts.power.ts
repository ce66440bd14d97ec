import { prepared } from '../../../db/bulk';
import type { Db } from '../../../db/open-db';
import type { ContractPower } from '../alerts/alerts.power-cap';

/** Equipment periods in force at the instant (the contract's end closes an open one). */
const CURRENT = `e.contract_id = c.id AND e.from_at <= @now AND coalesce(e.to_at, c.ends_at) > @now`;
/** Answering miners draw their resolved power; a silent one draws nothing we can measure. */
const ANSWERING = `m.live_status IN ('online', 'warning')`;

/**
 * Every capped contract in force now with its measured power: its metering devices' totals when any of them
 * answered on the last poll, else the power telemetry resolved for its answering miners (on an O&M
 * contract's sites: the miners there).
 */
const CAPPED_CONTRACTS = `SELECT c.id AS contractId, coalesce(c.number, c.draft_reference) AS reference, c.site_id AS siteId, c.client_id AS clientId,
    c.power_cap_w AS capW, w.over_since AS overSince,
    (SELECT sum(d.power_w) FROM contract_metering_devices cmd JOIN power_devices d ON d.id = cmd.device_id
      WHERE cmd.contract_id = c.id AND d.enabled = 1 AND d.state = 'ok' AND d.power_w IS NOT NULL) AS meteredW,
    coalesce((SELECT sum(l.power_w) FROM contract_equipment e JOIN miners m ON m.id = e.miner_id JOIN miner_latest l ON l.miner_id = m.id
      WHERE ${CURRENT} AND ${ANSWERING}), 0)
    + coalesce((SELECT sum(l.power_w) FROM contract_equipment e JOIN miners m ON m.site_id = e.site_id JOIN miner_latest l ON l.miner_id = m.id
      WHERE ${CURRENT} AND ${ANSWERING}), 0) AS minersW
  FROM contracts c LEFT JOIN contract_power_watch w ON w.contract_id = c.id
  WHERE c.power_cap_w IS NOT NULL AND c.status <> 'draft' AND c.starts_at <= @now AND c.ends_at > @now`;

type CappedRow = Omit<ContractPower, 'measuredW'> & { meteredW: number | null; minersW: number };

/**
 * Measures the capped contracts and keeps, for each, since when it has been over its cap: a contract that
 * goes over starts its watch now, one back under its cap (or no longer capped or in force) leaves the watch.
 * Call inside the alert evaluation's transaction.
 */
export function watchContractPower(db: Db, nowIso: string): ContractPower[] {
  const sqlite = db.$client;
  const rows = (prepared(sqlite, CAPPED_CONTRACTS).all({ now: nowIso }) as CappedRow[]).map(({ meteredW, minersW, ...row }) => ({
    ...row,
    measuredW: meteredW ?? minersW,
  }));
  const over = rows.filter((row) => row.measuredW > row.capW);
  for (const row of over) {
    if (row.overSince === null) {
      prepared(sqlite, 'INSERT INTO contract_power_watch (contract_id, over_since) VALUES (?, ?)').run(row.contractId, nowIso);
      row.overSince = nowIso;
    }
  }
  const keep = over.map((row) => row.contractId);
  // Whole-number ids written into the text (not cached: each text is new).
  sqlite.prepare(`DELETE FROM contract_power_watch${keep.length ? ` WHERE contract_id NOT IN (${keep.join(', ')})` : ''}`).run();
  return rows.map((row) => (row.measuredW > row.capW ? row : { ...row, overSince: null }));
}

/** A disabled rule forgets every watch, so turning it back on does not fire at once on an old start. */
export function forgetContractPowerWatch(db: Db): void {
  prepared(db.$client, 'DELETE FROM contract_power_watch').run();
}
