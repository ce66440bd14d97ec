import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { miners } from '../../../db/schema';

type Identifier = 'serial' | 'mac';

/** SQLite's NOCASE, which holderOf compares with: only the ASCII letters fold. */
const nocase = (value: string) => value.replace(/[A-Z]/g, (letter) => letter.toLowerCase());

/** A miner of the batch: an existing one by its id, or a new one by a number above every id, in order of creation. */
export type HolderKey = number;
const firstNewKey = 2 ** 48;
export const newMinerKey = (createdIndex: number): HolderKey => firstNewKey + createdIndex;

export type IdentifierHolders = {
  /** The miner holding `value` other than `except`, as holderOf finds it (the oldest). */
  holder(kind: Identifier, value: string, except: HolderKey | null): { assetId: string } | undefined;
  /** Records that a miner of the batch now holds `after` instead of `before`. */
  move(kind: Identifier, key: HolderKey, assetId: string, before: string | null, after: string | null): void;
};

/**
 * Who holds the serials and MACs a batch writes, kept up to date as the batch goes: the check
 * assertIdentifiersFree makes with a query per value and row, answered from one query for the whole batch.
 * Comparison without regard to ASCII case, as there; no index serves a NOCASE comparison of these columns,
 * so one table scan replaces one per row.
 */
export function identifierHolders(db: DbOrTx, values: Record<Identifier, readonly string[]>): IdentifierHolders {
  const held: Record<Identifier, Map<string, Map<HolderKey, string>>> = { serial: new Map(), mac: new Map() };
  const add = (kind: Identifier, value: string, key: HolderKey, assetId: string) => {
    const folded = nocase(value);
    const holders = held[kind].get(folded) ?? new Map<HolderKey, string>();
    holders.set(key, assetId);
    held[kind].set(folded, holders);
  };
  const list = (items: readonly string[]) => JSON.stringify([...new Set(items)]);
  const rows = db.all<{ id: number; assetId: string; serial: string | null; mac: string | null }>(sql`
    SELECT ${miners.id} AS id, ${miners.assetId} AS assetId, ${miners.serial} AS serial, ${miners.mac} AS mac FROM ${miners}
    WHERE ${miners.serial} COLLATE NOCASE IN (SELECT value FROM json_each(${list(values.serial)}))
       OR ${miners.mac} COLLATE NOCASE IN (SELECT value FROM json_each(${list(values.mac)}))`);
  for (const row of rows) {
    if (row.serial !== null) add('serial', row.serial, row.id, row.assetId);
    if (row.mac !== null) add('mac', row.mac, row.id, row.assetId);
  }
  return {
    holder(kind, value, except) {
      let found: { key: HolderKey; assetId: string } | undefined;
      for (const [key, assetId] of held[kind].get(nocase(value)) ?? []) {
        if (key !== except && (!found || key < found.key)) found = { key, assetId };
      }
      return found && { assetId: found.assetId };
    },
    move(kind, key, assetId, before, after) {
      if (before !== null) held[kind].get(nocase(before))?.delete(key);
      if (after !== null) add(kind, after, key, assetId);
    },
  };
}
