import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { inIds } from '../../../db/bulk';
import { inChunks } from '../../../db/chunks';
import type { DbOrTx } from '../../../db/open-db';
import { minerIdentityHistory, minerIdentityReviews, miners } from '../../../db/schema';
import { identityKinds, type IdentityKind, type IdentitySource } from '../../contract/miners';
import { normaliseHostname, normaliseIp, normaliseMac, normaliseSerial } from '../../contract/miners.records';

// The form checks typed values with the same rules, so they live in the contract; imports and scans take them from here.
export { normaliseHostname, normaliseIp, normaliseMac, normaliseSerial };

/** What a scan, an import row or a person says about a machine. Blank, missing and unreadable values count as unknown. */
export type ObservedIdentity = { serial?: string | null; mac?: string | null; ip?: string | null; hostname?: string | null; siteId?: number | null };

export type IdentityMatch =
  { kind: 'new' } | { kind: 'match'; minerId: number; by: 'serial' | 'mac' | 'ip' } | { kind: 'ambiguous'; candidateIds: number[]; reason: string };

/** A miner's identifiers as stored; null = none. */
export type IdentityValues = Record<IdentityKind, string | null>;

/** Stored values are in normal form when our code wrote them: one regex tells, and saves normalising 100,000 rows. */
const canonicalMac = /^[0-9A-F]{2}(:[0-9A-F]{2}){5}$/;
const canonicalIp = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** The observation's identifiers in stored form; unreadable values become null. A value already in normal form (as the import reader gives it) is taken as it is. */
export function normaliseIdentity(obs: ObservedIdentity): IdentityValues {
  return {
    serial: normaliseSerial(obs.serial),
    mac: typeof obs.mac === 'string' && canonicalMac.test(obs.mac) ? obs.mac : normaliseMac(obs.mac),
    ip: typeof obs.ip === 'string' && canonicalIp.test(obs.ip) ? obs.ip : normaliseIp(obs.ip),
    hostname: normaliseHostname(obs.hostname),
  };
}

/** What the matcher knows of one miner: its identifiers as stored (display form), site, and asset ID for messages. */
type Known = { assetId: string; serial: string | null; mac: string | null; ip: string | null; siteId: number | null };

type KeyKind = 'serial' | 'mac' | 'ip';
const keyKinds: readonly KeyKind[] = ['serial', 'mac', 'ip'];
const keyLabels: Record<KeyKind, string> = { serial: 'serial', mac: 'MAC', ip: 'IP' };

/** Values stored before normalisation existed still match: an unreadable one is kept as written (trimmed). */
const storedValues = (row: { serial: string | null; mac: string | null; ip: string | null }) => ({
  serial: normaliseSerial(row.serial),
  mac: row.mac === null || canonicalMac.test(row.mac) ? row.mac : (normaliseMac(row.mac) ?? (row.mac.trim().toUpperCase() || null)),
  ip: row.ip === null || canonicalIp.test(row.ip) ? row.ip : (normaliseIp(row.ip) ?? (row.ip.trim() || null)),
});

/** Serials compare without regard to case; MAC and IP are compared in their normal form. */
const keyOf = (kind: KeyKind, value: string | null) => (value !== null && kind === 'serial' ? value.toUpperCase() : value);

/** Key → the miner holding it, or the miners when several do: a plain number for the usual single holder saves an array per key. */
type KeyIndex = Map<string, number | number[]>;

const holdersOf = (index: KeyIndex, key: string): number[] => {
  const held = index.get(key);
  return held === undefined ? [] : typeof held === 'number' ? [held] : [...held];
};

function addTo(index: KeyIndex, key: string | null, id: number): void {
  if (key === null) return;
  const held = index.get(key);
  if (held === undefined) index.set(key, id);
  else if (typeof held === 'number') index.set(key, [held, id]);
  else held.push(id);
}

function removeFrom(index: KeyIndex, key: string | null, id: number): void {
  if (key === null) return;
  const ids = holdersOf(index, key).filter((other) => other !== id);
  if (ids.length === 0) index.delete(key);
  else index.set(key, ids.length === 1 ? ids[0] : ids);
}

export type IdentityMatcher = {
  match(obs: ObservedIdentity): IdentityMatch;
  /**
   * Registers a miner created or changed during the batch, so later rows see it: a given field
   * replaces the remembered value (null clears it), an omitted one keeps it. `assetId` names a new miner in messages.
   */
  remember(minerId: number, obs: ObservedIdentity, assetId?: string): void;
};

type StoredRow = { id: number; assetId: string; serial: string | null; mac: string | null; ip: string | null; siteId: number | null };

const storedColumns = sql`${miners.id} AS id, ${miners.assetId} AS assetId, ${miners.serial} AS serial, ${miners.mac} AS mac, ${miners.ip} AS ip, ${miners.siteId} AS siteId`;

/** What a batch is about to match: its observations, and miners it will name by id (rows matched by asset ID). */
export type MatcherScope = { observations: readonly ObservedIdentity[]; minerIds?: readonly number[] };

/**
 * The miners that can answer the scope's observations: those holding one of their serials, MACs or IPs
 * (compared as SQLite compares plain ASCII), those whose stored value is not plain (a serial with other than
 * printable ASCII, a MAC not written AA:BB:…, an IP with other characters or leading zeros: the matcher
 * normalises those itself), and the named ones. Every other miner holds
 * none of the observed keys, so leaving it out changes no answer; reading 100,000 rows into JavaScript
 * costs far more than SQLite's scan.
 */
function scopedRows(db: DbOrTx, scope: MatcherScope): StoredRow[] {
  const keys = { serial: new Set<string>(), mac: new Set<string>(), ip: new Set<string>() };
  for (const observed of scope.observations) {
    const obs = normaliseIdentity(observed);
    for (const kind of keyKinds) {
      const key = keyOf(kind, obs[kind]);
      if (key !== null) keys[kind].add(key);
    }
  }
  const list = (values: Iterable<string | number>) => JSON.stringify([...values]);
  const hex = '[0-9A-Fa-f][0-9A-Fa-f]';
  const colonMac = [hex, hex, hex, hex, hex, hex].join(':'); // in either case: its normal form is its upper case
  return db.all<StoredRow>(sql`SELECT ${storedColumns} FROM ${miners} WHERE
    upper(trim(${miners.serial})) IN (SELECT value FROM json_each(${list(keys.serial)})) OR ${miners.serial} GLOB '*[^ -~]*'
    OR upper(${miners.mac}) IN (SELECT value FROM json_each(${list(keys.mac)})) OR ${miners.mac} NOT GLOB ${colonMac}
    OR ${miners.ip} IN (SELECT value FROM json_each(${list(keys.ip)}))
    OR ${miners.ip} GLOB '*[^0-9.]*' OR ${miners.ip} GLOB '0[0-9]*' OR ${miners.ip} GLOB '*.0[0-9]*'
    OR ${miners.id} IN (SELECT value FROM json_each(${list(scope.minerIds ?? [])}))
    ORDER BY ${miners.id}`);
}

/**
 * Matches observations to miners by serial, then MAC, then IP within the same site, after one query
 * that loads the identifiers of every miner into maps: an import of 10,000 rows over 100,000 miners
 * costs one table read, not one query per row. With a scope, only the miners that can answer it are
 * loaded (see scopedRows); a miner remembered later is read then.
 */
export function createIdentityMatcher(db: DbOrTx, scope?: MatcherScope): IdentityMatcher {
  const known = new Map<number, Known>();
  const indexes: Record<KeyKind, KeyIndex> = { serial: new Map(), mac: new Map(), ip: new Map() };
  const index = (id: number, entry: Known) => {
    known.set(id, entry);
    for (const kind of keyKinds) addTo(indexes[kind], keyOf(kind, entry[kind]), id);
  };
  const indexRow = (row: StoredRow) => index(row.id, { assetId: row.assetId, siteId: row.siteId, ...storedValues(row) });
  // Raw rows: building 100,000 objects through the ORM costs more than reading them.
  const rows = scope ? scopedRows(db, scope) : db.all<StoredRow>(sql`SELECT ${storedColumns} FROM ${miners} ORDER BY ${miners.id}`);
  for (const row of rows) indexRow(row);
  /** A miner outside the scope, read when the batch names it. */
  const knownOf = (id: number): Known | undefined => {
    if (scope && id > 0 && !known.has(id)) {
      const row = db.get<StoredRow | undefined>(sql`SELECT ${storedColumns} FROM ${miners} WHERE ${miners.id} = ${id}`);
      if (row) indexRow(row);
    }
    return known.get(id);
  };

  const name = (id: number) => known.get(id)?.assetId ?? `miner #${id}`;
  const hits = (kind: KeyKind, value: string | null) => {
    const key = keyOf(kind, value);
    return key === null ? [] : holdersOf(indexes[kind], key);
  };
  const several = (kind: KeyKind, value: string | null, ids: number[], where = ''): IdentityMatch => ({
    kind: 'ambiguous',
    candidateIds: ids,
    reason: `${kindTitle(kind)} ${value} is recorded on ${ids.length} miners${where} (${ids.map(name).join(', ')}); choose which one this is.`,
  });

  /** A weaker key's hit is contradicted when the miner holds a stronger key that differs from the observed one. */
  function contradiction(id: number, obs: Pick<Known, 'serial' | 'mac'>, stronger: readonly ('serial' | 'mac')[]): string | null {
    const miner = known.get(id);
    for (const kind of stronger) {
      const stored = miner?.[kind] ?? null;
      const seen = obs[kind];
      if (stored !== null && seen !== null && keyOf(kind, stored) !== keyOf(kind, seen)) return `${name(id)} has ${keyLabels[kind]} ${stored}, not ${seen}`;
    }
    return null;
  }

  function match(observed: ObservedIdentity): IdentityMatch {
    const obs = normaliseIdentity(observed);
    const bySerial = hits('serial', obs.serial);
    if (bySerial.length > 1) return several('serial', obs.serial, bySerial);
    const byMac = hits('mac', obs.mac);
    if (bySerial.length === 1) {
      const [minerId] = bySerial;
      const others = byMac.filter((id) => id !== minerId);
      if (!others.length) return { kind: 'match', minerId, by: 'serial' };
      const reason = `Serial ${obs.serial} belongs to ${name(minerId)}, but MAC ${obs.mac} belongs to ${others.map(name).join(', ')}; check which machine this is.`;
      return { kind: 'ambiguous', candidateIds: [minerId, ...others], reason };
    }
    if (byMac.length > 1) return several('mac', obs.mac, byMac);
    if (byMac.length === 1) {
      const conflict = contradiction(byMac[0], obs, ['serial']);
      if (!conflict) return { kind: 'match', minerId: byMac[0], by: 'mac' };
      const reason = `MAC ${obs.mac} belongs to ${name(byMac[0])}, but ${conflict}; check whether the control board was moved.`;
      return { kind: 'ambiguous', candidateIds: byMac, reason };
    }
    const siteId = observed.siteId ?? null;
    const byIp = hits('ip', obs.ip).filter((id) => (known.get(id)?.siteId ?? null) === siteId);
    if (byIp.length > 1) return several('ip', obs.ip, byIp, ' at the same site');
    if (byIp.length === 1) {
      const conflict = contradiction(byIp[0], obs, ['serial', 'mac']);
      if (!conflict) return { kind: 'match', minerId: byIp[0], by: 'ip' };
      const reason = `IP ${obs.ip} belongs to ${name(byIp[0])}, but ${conflict}; check whether the address now belongs to another machine.`;
      return { kind: 'ambiguous', candidateIds: byIp, reason };
    }
    return { kind: 'new' };
  }

  function remember(minerId: number, observed: ObservedIdentity, assetId?: string): void {
    const before = knownOf(minerId);
    if (before) for (const kind of keyKinds) removeFrom(indexes[kind], keyOf(kind, before[kind]), minerId);
    const next = normaliseIdentity(observed);
    const pick = (kind: KeyKind) => (observed[kind] === undefined ? (before?.[kind] ?? null) : next[kind]);
    index(minerId, {
      assetId: assetId ?? before?.assetId ?? `miner #${minerId}`,
      siteId: observed.siteId === undefined ? (before?.siteId ?? null) : observed.siteId,
      serial: pick('serial'),
      mac: pick('mac'),
      ip: pick('ip'),
    });
  }

  return { match, remember };
}

const kindTitle = (kind: KeyKind) => keyLabels[kind].charAt(0).toUpperCase() + keyLabels[kind].slice(1);

/** One miner's identifiers before and after a change; a kind left out of `after` did not change. */
export type IdentityChange = { minerId: number; before: Partial<IdentityValues>; after: Partial<IdentityValues> };

/**
 * Keeps the identity history of many miners at once: for each changed kind the current row is closed
 * at `at` and, unless the new value is null, a new current row opens at the same instant. Call inside
 * the transaction of the change; unchanged kinds are left alone.
 */
export function recordManyIdentityChanges(tx: DbOrTx, changes: readonly IdentityChange[], source: IdentitySource, at: string): void {
  const closing: Record<IdentityKind, number[]> = { ip: [], mac: [], serial: [], hostname: [] };
  const opening: [number, IdentityKind, string][] = [];
  for (const { minerId, before, after } of changes) {
    for (const kind of identityKinds) {
      const next = after[kind];
      const previous = before[kind] ?? null;
      if (next === undefined || next === previous) continue;
      closing[kind].push(minerId);
      if (next !== null) opening.push([minerId, kind, next]);
    }
  }
  for (const kind of identityKinds) {
    for (const ids of inChunks(closing[kind], 5_000)) {
      tx.update(minerIdentityHistory)
        .set({ toAt: at })
        .where(and(inIds(minerIdentityHistory.minerId, ids), eq(minerIdentityHistory.kind, kind), isNull(minerIdentityHistory.toAt)))
        .run();
    }
  }
  // The rows as one JSON text per statement: ten thousand of them cost SQLite's JSON reading, not the ORM's building.
  for (const chunk of inChunks(opening, 5_000)) {
    tx.run(sql`INSERT INTO ${minerIdentityHistory} (miner_id, kind, value, from_at, to_at, source)
      SELECT value ->> 0, value ->> 1, value ->> 2, ${at}, NULL, ${source} FROM json_each(${JSON.stringify(chunk)})`);
  }
}

/** One miner's identity change into its history (see recordManyIdentityChanges); on create, pass `before` as {}. */
export function recordIdentityChanges(
  tx: DbOrTx,
  minerId: number,
  before: Partial<IdentityValues>,
  after: Partial<IdentityValues>,
  source: IdentitySource,
  at: string,
): void {
  recordManyIdentityChanges(tx, [{ minerId, before, after }], source, at);
}

/** What was observed, kept with a review: the identifiers and what else the scan or file said about the machine. */
export type ReviewObservation = ObservedIdentity & { make?: string | null; model?: string | null; firmware?: string | null };

/** The observation as stored: normalised identifiers, only the known fields, in a fixed order, so the same machine seen twice reads the same. */
export function observationJson(observed: ReviewObservation): string {
  const text = (value: string | null | undefined) => value?.trim() || null;
  const fields = {
    ...normaliseIdentity(observed),
    siteId: observed.siteId ?? null,
    make: text(observed.make),
    model: text(observed.model),
    firmware: text(observed.firmware),
  };
  return JSON.stringify(Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null)));
}

export type NewIdentityReview = { source: IdentitySource; observed: ReviewObservation; candidateIds: readonly number[]; reason: string };

/**
 * Puts observations nobody could match automatically on the review list and returns each one's review id, in order.
 * A scan repeats every few minutes: an open review of the same observation and candidates is reused, not doubled
 * (within the batch too). One look-up per few hundred observations, and one insert for the new ones.
 */
export function openIdentityReviews(tx: DbOrTx, reviews: readonly NewIdentityReview[], at: string): number[] {
  const keyOf = (observedJson: string, candidateIdsJson: string) => `${observedJson}\n${candidateIdsJson}`;
  const wanted = reviews.map((review) => {
    const observedJson = observationJson(review.observed);
    const candidateIdsJson = JSON.stringify([...new Set(review.candidateIds)]);
    return { review, observedJson, candidateIdsJson, key: keyOf(observedJson, candidateIdsJson) };
  });
  const open = new Map<string, number>();
  const columns = { id: minerIdentityReviews.id, observedJson: minerIdentityReviews.observedJson, candidateIdsJson: minerIdentityReviews.candidateIdsJson };
  for (const chunk of inChunks([...new Set(wanted.map((one) => one.observedJson))])) {
    const rows = tx
      .select(columns)
      .from(minerIdentityReviews)
      .where(and(eq(minerIdentityReviews.status, 'open'), inArray(minerIdentityReviews.observedJson, chunk)))
      .orderBy(minerIdentityReviews.createdAt, minerIdentityReviews.id)
      .all();
    for (const row of rows) if (!open.has(keyOf(row.observedJson, row.candidateIdsJson))) open.set(keyOf(row.observedJson, row.candidateIdsJson), row.id);
  }
  const fresh = new Map(wanted.filter((one) => !open.has(one.key)).map((one) => [one.key, one]));
  for (const chunk of inChunks([...fresh.values()])) {
    const rows = tx
      .insert(minerIdentityReviews)
      .values(
        chunk.map(({ review, observedJson, candidateIdsJson }) => ({
          createdAt: at,
          source: review.source,
          observedJson,
          candidateIdsJson,
          reason: review.reason,
          status: 'open' as const,
        })),
      )
      .returning(columns)
      .all();
    for (const row of rows) open.set(keyOf(row.observedJson, row.candidateIdsJson), row.id);
  }
  return wanted.map((one) => open.get(one.key) as number);
}

/** One observation onto the review list (see openIdentityReviews); returns the review's id. */
export const openIdentityReview = (tx: DbOrTx, review: NewIdentityReview, at: string): number => openIdentityReviews(tx, [review], at)[0];
