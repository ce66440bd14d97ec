import { prepared } from '../../../db/bulk';
import type { Db } from '../../../db/open-db';
import { billingPeriod, intersect, normalise, type Interval } from '../billing/billing.period';
import { wideWindow } from '../billing/billing.gather';
import { requireClient } from '../clients/clients.guards';
import { readSettingsRow } from '../settings/settings.service';
import { requireSite } from '../sites/sites.guards';

/**
 * Uptime and hashrate per client per month, from the miners' hourly rollups (miner_hourly). A miner counts for a
 * client during the hours it was on one of the client's contracts (not drafts) inside the month of the contract's
 * site calendar. An hour counts when its start falls in that time (the first hour from the one the time starts in),
 * so hours online and hours counted come from the same rows; an hour with no row is an hour offline. In the month
 * still running, only the hours already over count (the averages are over the month so far).
 */

export type MinerPerformance = {
  client: string;
  site: string;
  miner: string;
  model: string;
  contract: string;
  /** Hours on the contract in the month, hours online in them, and hash: Σ hourly GH/s × seconds online. */
  hours: number;
  onlineS: number;
  hashGhsS: number;
  /** Seconds online in hours that reported a hashrate (the divisor of the average while online). */
  hashingS: number;
  nominalGhs: number | null;
  /** Seconds of the month (so far) in the contract's site calendar (a client's average TH/s is over its month). */
  monthS: number;
};

export type ClientPerformance = {
  client: string;
  miners: number;
  hours: number;
  onlineS: number;
  /** Σ hash ÷ month seconds: TH/s averaged over the month (in GH/s), and the nominal figure prorated the same way. */
  averageGhs: number;
  nominalGhs: number | null;
};

export type Performance = { month: string; clients: ClientPerformance[]; miners: MinerPerformance[]; minersTotal: number };

type AssignmentRow = {
  contractId: number;
  contract: string;
  startsAt: string;
  endsAt: string;
  fromAt: string;
  toAt: string | null;
  minerId: number;
  miner: string;
  model: string;
  nominalGhs: number | null;
  client: string;
  site: string;
  timeZone: string | null;
};

// The client's contracts (not drafts) and their miners' assignments that touch the month in some zone; the exact
// month per site calendar is cut in code. By client name, then miner.
const ASSIGNMENTS = `SELECT c.id AS contractId, COALESCE(c.number, c.draft_reference) AS contract, c.starts_at AS startsAt, c.ends_at AS endsAt,
    e.from_at AS fromAt, e.to_at AS toAt, m.id AS minerId, m.asset_id AS miner, TRIM(m.make || ' ' || m.model) AS model,
    mm.nominal_hashrate_ghs AS nominalGhs, cl.name AS client, s.name AS site, s.time_zone AS timeZone
  FROM contract_equipment e
  JOIN contracts c ON c.id = e.contract_id
  JOIN clients cl ON cl.id = c.client_id
  JOIN sites s ON s.id = c.site_id
  JOIN miners m ON m.id = e.miner_id
  LEFT JOIN miner_models mm ON mm.id = m.model_id
  WHERE e.miner_id IS NOT NULL AND c.status <> 'draft' AND c.starts_at < :to AND c.ends_at > :from
    AND e.from_at < :to AND (e.to_at IS NULL OR e.to_at > :from)
    AND (:siteId IS NULL OR c.site_id = :siteId) AND (:clientId IS NULL OR c.client_id = :clientId)
  ORDER BY cl.name COLLATE NOCASE, cl.id, m.asset_id COLLATE NOCASE, c.id, e.from_at`;

// Through the (miner_id, hour) primary key: one miner's hours of one stretch.
const HOURS = `SELECT COALESCE(SUM(online_s), 0) AS onlineS, COALESCE(SUM(COALESCE(hashrate_ghs, 0) * online_s), 0) AS hashGhsS,
    COALESCE(SUM(CASE WHEN hashrate_ghs IS NOT NULL THEN online_s ELSE 0 END), 0) AS hashingS
  FROM miner_hourly WHERE miner_id = ? AND hour >= ? AND hour < ?`;

const secondsOf = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const isoOf = (s: number) => new Date(s * 1000).toISOString();
const hourFloor = (s: number) => Math.floor(s / 3600) * 3600;

type Stretch = { row: AssignmentRow; month: Interval; intervals: Interval[] };

/** Each (contract, miner) with its time on the contract inside the month of the contract's site calendar, up to `endS`. */
function stretchesOf(rows: readonly AssignmentRow[], month: string, organisationZone: string, endS: number): Stretch[] {
  const byKey = new Map<string, { row: AssignmentRow; open: { fromS: number; toS: number | null }[] }>();
  for (const row of rows) {
    const key = `${row.contractId}:${row.minerId}`;
    const entry = byKey.get(key) ?? byKey.set(key, { row, open: [] }).get(key)!;
    entry.open.push({ fromS: secondsOf(row.fromAt), toS: row.toAt === null ? null : secondsOf(row.toAt) });
  }
  const stretches: Stretch[] = [];
  for (const { row, open } of byKey.values()) {
    const period = billingPeriod(month, row.timeZone ?? organisationZone);
    const monthSpan = { fromS: period.fromS, toS: Math.min(period.toS, endS) };
    if (monthSpan.toS <= monthSpan.fromS) continue;
    const onContract = normalise([{ fromS: secondsOf(row.startsAt), toS: secondsOf(row.endsAt) }], monthSpan);
    const intervals = intersect(normalise(open, monthSpan), onContract);
    if (intervals.length) stretches.push({ row, month: monthSpan, intervals });
  }
  return stretches;
}

function measure(db: Db, { row, month, intervals }: Stretch): MinerPerformance {
  const figures = { hours: 0, onlineS: 0, hashGhsS: 0, hashingS: 0 };
  for (const { fromS, toS } of intervals) {
    const firstHourS = hourFloor(fromS);
    figures.hours += Math.ceil((toS - firstHourS) / 3600);
    const sums = prepared(db.$client, HOURS).get(row.minerId, isoOf(firstHourS), isoOf(toS)) as Omit<typeof figures, 'hours'>;
    figures.onlineS += sums.onlineS;
    figures.hashGhsS += sums.hashGhsS;
    figures.hashingS += sums.hashingS;
  }
  const { client, site, miner, model, contract, nominalGhs } = row;
  return { client, site, miner, model, contract, nominalGhs, monthS: month.toS - month.fromS, ...figures };
}

function clientTotals(miners: readonly MinerPerformance[]): ClientPerformance[] {
  const byClient = new Map<string, ClientPerformance & { ids: Set<string>; nominalKnown: boolean }>();
  for (const m of miners) {
    const c =
      byClient.get(m.client) ??
      byClient
        .set(m.client, { client: m.client, miners: 0, hours: 0, onlineS: 0, averageGhs: 0, nominalGhs: 0, ids: new Set(), nominalKnown: true })
        .get(m.client)!;
    c.ids.add(m.miner);
    c.hours += m.hours;
    c.onlineS += m.onlineS;
    c.averageGhs += m.hashGhsS / m.monthS;
    if (m.nominalGhs === null) c.nominalKnown = false;
    else c.nominalGhs! += (m.nominalGhs * m.hours * 3600) / m.monthS;
  }
  return [...byClient.values()].map(({ ids, nominalKnown, nominalGhs, ...c }) => ({ ...c, miners: ids.size, nominalGhs: nominalKnown ? nominalGhs : null }));
}

/** The month's uptime and hashrate of every client with a contract in it (or of one client, or one site's contracts). */
export function clientPerformance(
  db: Db,
  input: { period: string; siteId?: number; clientId?: number },
  minerRowCap: number,
  now = new Date(),
): Performance {
  if (input.clientId !== undefined) requireClient(db, input.clientId);
  if (input.siteId !== undefined) requireSite(db, input.siteId);
  const { fromIso, toIso } = wideWindow(input.period);
  const rows = prepared(db.$client, ASSIGNMENTS).all({
    from: fromIso,
    to: toIso,
    siteId: input.siteId ?? null,
    clientId: input.clientId ?? null,
  }) as AssignmentRow[];
  const hoursOverS = hourFloor(Math.floor(now.getTime() / 1000));
  const miners = stretchesOf(rows, input.period, readSettingsRow(db).timeZone, hoursOverS).map((stretch) => measure(db, stretch));
  return { month: input.period, clients: clientTotals(miners), miners: miners.slice(0, minerRowCap), minersTotal: miners.length };
}
