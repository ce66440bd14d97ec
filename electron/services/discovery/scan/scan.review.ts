import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../../db/open-db';
import type { discoveryScans } from '../../../../db/schema';
import { clients, miners } from '../../../../db/schema';
import type { MissingMiner, ScanProposal, ScanResultRow } from '../../../contract/discovery';
import { ipToNumber, parseIpRange } from '../../../contract/ip-ranges';
import { createIdentityMatcher, normaliseIdentity } from '../../miners/miners.identity';

type ScanRow = typeof discoveryScans.$inferSelect;

/** The identifiers and firmware a scan can correct on a known miner; the order is the order shown. */
const comparedFields = ['ip', 'mac', 'hostname', 'serial', 'firmware'] as const;
type ComparedField = (typeof comparedFields)[number];

type Current = Record<ComparedField, string | null> & { assetId: string };

/** The stored values of the miners a set of proposals concern, by id. */
function currentValues(db: DbOrTx, ids: readonly number[]): Map<number, Current> {
  if (!ids.length) return new Map();
  const rows = db
    .select({
      id: miners.id,
      assetId: miners.assetId,
      ip: miners.ip,
      mac: miners.mac,
      hostname: miners.hostname,
      serial: miners.serial,
      firmware: miners.firmware,
    })
    .from(miners)
    .where(sql`${miners.id} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`)
    .all();
  return new Map(rows.map(({ id, ...rest }) => [id, rest]));
}

/** A finding's values in stored form: identifiers normalised, firmware trimmed. */
export function observedValues(row: Pick<ScanResultRow, 'ip' | 'mac' | 'hostname' | 'serial' | 'firmware'>): Record<ComparedField, string | null> {
  return { ...normaliseIdentity(row), firmware: row.firmware?.trim() || null };
}

/**
 * What committing each finding would do, by the fleet's identity rules (serial, then MAC, then IP at the
 * site). Findings are matched in order and remembered, so two answers of one machine are not two miners.
 * `earlier` are the scan's findings before `rows` (the pages already read): matched and remembered first,
 * so a page proposes what committing the whole scan would do, not what its rows would do alone.
 */
export function proposalsFor(db: DbOrTx, siteId: number | null, rows: readonly ScanResultRow[], earlier: readonly ScanResultRow[] = []): ScanProposal[] {
  // Only the miners that hold one of the findings' serials, MACs or IPs can answer them: read those, not the fleet.
  const observations = [...earlier, ...rows].filter((row) => row.state === 'identified').map((row) => ({ ...row, siteId }));
  const matcher = createIdentityMatcher(db, { observations });
  for (const row of earlier) {
    if (row.state !== 'identified') continue;
    const match = matcher.match({ ...row, siteId });
    if (match.kind === 'match') matcher.remember(match.minerId, { ...row, siteId });
  }
  const matches = rows.map((row) => {
    if (row.state !== 'identified') return null;
    const match = matcher.match({ ...row, siteId });
    if (match.kind === 'match') matcher.remember(match.minerId, { ...row, siteId });
    return match;
  });
  const known = currentValues(
    db,
    matches.flatMap((m) => (m?.kind === 'match' ? [m.minerId] : [])),
  );
  return rows.map((row, i): ScanProposal => {
    const match = matches[i];
    if (match === null)
      return { action: 'none', reason: row.state === 'unidentified' ? 'Open, but it did not say what it is; the next scan asks again.' : 'Did not answer.' };
    if (match.kind === 'new') return { action: 'new' };
    if (match.kind === 'ambiguous') return { action: 'review', candidateIds: match.candidateIds, reason: match.reason };
    const current = known.get(match.minerId) as Current;
    const seen = observedValues(row);
    const changes = comparedFields
      .filter((field) => seen[field] !== null && seen[field] !== current[field])
      .map((field) => ({ field, before: current[field], after: seen[field] }));
    return changes.length
      ? { action: 'update', minerId: match.minerId, assetId: current.assetId, by: match.by, changes }
      : { action: 'unchanged', minerId: match.minerId, assetId: current.assetId };
  });
}

/** The scan's ranges as numbers; a range that no longer parses (never: they were stored parsed) is skipped. */
function scannedRanges(scan: ScanRow) {
  return (JSON.parse(scan.rangesJson) as string[]).flatMap((text) => {
    const parsed = parseIpRange(text);
    return parsed.ok ? [parsed.range] : [];
  });
}

/**
 * Known miners (of the scan's site, when it has one) with an address inside the scanned ranges that no
 * finding came from and that no finding was recognised as (a miner that moved answered at its new address).
 * `recognised`: the miners the identified findings were matched to, when the caller has matched them all already.
 */
export function missingMiners(db: DbOrTx, scan: ScanRow, findings: readonly ScanResultRow[], recognisedIds?: ReadonlySet<number>): MissingMiner[] {
  const ranges = scannedRanges(scan);
  const identified = findings.filter((row) => row.state === 'identified');
  const answered = new Set(identified.map((row) => row.ip));
  const recognised = recognisedIds ?? new Set(proposalsFor(db, scan.siteId, identified).flatMap((p) => ('minerId' in p ? [p.minerId] : [])));
  const candidates = db
    .select({ id: miners.id, assetId: miners.assetId, ip: miners.ip, liveStatus: miners.liveStatus, clientName: clients.name })
    .from(miners)
    .leftJoin(clients, eq(clients.id, miners.clientId))
    .where(and(isNotNull(miners.ip), scan.siteId === null ? undefined : eq(miners.siteId, scan.siteId), sql`${miners.state} <> 'retired'`))
    .all();
  return candidates.flatMap((miner) => {
    const n = ipToNumber(miner.ip ?? '');
    const inside = n !== null && ranges.some((r) => n >= r.first && n <= r.last);
    return inside && !answered.has(miner.ip as string) && !recognised.has(miner.id) ? [{ ...miner, ip: miner.ip as string }] : [];
  });
}
