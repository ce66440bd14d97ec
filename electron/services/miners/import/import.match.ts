import type { DbOrTx } from '../../../../db/open-db';
import type { ImportField } from '../../../contract/miners.import';
import { createIdentityMatcher } from '../miners.identity';
import { readRowValues, type RowValues } from './import.cells';
import type { ImportContext } from './import.context';
import type { SheetRow } from './import.read';

/** A row after reading and matching: the miner it updates (null = a new one) and its reasons so far, without the "Row N:" prefix. */
export type MatchedRow = { row: number; values: RowValues; errors: string[]; minerId: number | null; siteId: number | null };

/** Remembers the first row that gave a value, and says which one when a later row gives it again. */
function firstSeen() {
  const rows = new Map<string, number>();
  return (key: string | undefined | null, row: number): number | null => {
    if (!key) return null;
    const first = rows.get(key);
    if (first === undefined) rows.set(key, row);
    return first ?? null;
  };
}

/**
 * Reads every row and finds the miner it describes: by asset ID when the row has one, else by the
 * identity matcher (serial, MAC, IP at the site). A machine written twice, a serial or MAC given on two
 * rows, or a row that fits several miners is an error naming the other row or the miners.
 */
export function matchRows(
  db: DbOrTx,
  ctx: ImportContext,
  rows: readonly SheetRow[],
  fields: readonly (ImportField | 'ignore')[],
  defaultSiteId: number | null,
): MatchedRow[] {
  const read = rows.map(({ row, cells }) => ({ row, ...readRowValues(cells, fields) }));
  // Only the miners the file's identifiers or asset IDs point at are read for matching.
  const minerIds = read.flatMap(({ values }) => {
    const id = values.assetId ? ctx.minerIdByAsset(values.assetId) : null;
    return id === null ? [] : [id];
  });
  const matcher = createIdentityMatcher(db, { observations: read.map(({ values }) => values), minerIds });
  const seen = { serial: firstSeen(), mac: firstSeen(), assetId: firstSeen(), miner: firstSeen() };
  /** New miners are remembered under negative ids, so a later row describing the same machine is caught. */
  const rowOfPending = new Map<number, number>();

  return read.map(({ row, values, errors }) => {
    const readErrors = errors.length;
    const site = values.site ? ctx.findSite(values.site) : null;
    if (values.site && !site) errors.push(`site "${values.site}" does not exist; create it under Sites first, or correct the name`);
    const siteId = site?.id ?? defaultSiteId;
    const identity = { serial: values.serial, mac: values.mac, ip: values.ip, hostname: values.hostname, siteId };
    if (!values.assetId && !values.serial && !values.mac && !values.ip && !values.hostname) {
      errors.push('give at least one of asset ID, serial, MAC, IP or hostname, so the miner can be recognised');
      return { row, values, errors, minerId: null, siteId: site?.id ?? null };
    }

    const duplicateOf = (
      kind: string,
      key: string | undefined,
      shown: string | undefined,
      seenIn: (key: string | undefined | null, row: number) => number | null,
    ) => {
      const first = seenIn(key, row);
      if (first !== null) errors.push(`${kind} ${shown} is also on row ${first}; each miner may appear once`);
    };
    duplicateOf('serial', values.serial?.toUpperCase(), values.serial, seen.serial);
    duplicateOf('MAC', values.mac, values.mac, seen.mac);
    duplicateOf('asset ID', values.assetId?.toLowerCase(), values.assetId, seen.assetId);
    // A machine already caught as written twice is not matched again: one reason per fault.
    if (errors.length > readErrors) return { row, values, errors, minerId: null, siteId: site?.id ?? null };

    const found = matcher.match(identity);
    const byAsset = values.assetId ? ctx.minerIdByAsset(values.assetId) : null;
    const named = (id: number) => (id < 0 ? `the new miner of row ${rowOfPending.get(id)}` : `miner ${ctx.assetIdOf(id)}`);
    let minerId: number | null = null;
    if (byAsset !== null) {
      minerId = byAsset;
      if (found.kind === 'match' && found.minerId !== byAsset)
        errors.push(`asset ID ${values.assetId} is ${named(byAsset)}, but the row's ${found.by} belongs to ${named(found.minerId)}`);
    } else if (found.kind === 'ambiguous') {
      errors.push(`matches several miners: ${found.candidateIds.map(named).join(', ')}. ${found.reason}`);
    } else if (found.kind === 'match' && found.minerId < 0) {
      errors.push(`describes the same machine as row ${rowOfPending.get(found.minerId)} (same ${found.by}); each miner may appear once`);
    } else if (found.kind === 'match' && values.assetId) {
      errors.push(
        `asset ID ${values.assetId} is not in the inventory, but the row's ${found.by} belongs to ${named(found.minerId)}; leave the asset ID empty or correct it`,
      );
    } else if (found.kind === 'match') {
      minerId = found.minerId;
    }

    if (minerId !== null) {
      const first = seen.miner(String(minerId), row);
      if (first !== null) errors.push(`row ${first} already describes ${named(minerId)}; each miner may appear once`);
      matcher.remember(minerId, definedOnly({ ...identity, siteId: site?.id }));
    } else if (errors.length === 0) {
      const pendingId = -row;
      rowOfPending.set(pendingId, row);
      matcher.remember(pendingId, identity, `row ${row}`);
    }
    return { row, values, errors, minerId, siteId: site?.id ?? null };
  });
}

/** The identifiers the row gives; a blank one keeps what the miner has. */
function definedOnly<T extends object>(obs: T): Partial<T> {
  return Object.fromEntries(Object.entries(obs).filter(([, value]) => value !== undefined && value !== null)) as Partial<T>;
}
