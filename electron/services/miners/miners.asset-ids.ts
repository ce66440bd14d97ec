import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { defaultAssetSeries } from '../../contract/miners.records';

/** A run of asset IDs: `prefix` then a number padded to `digits`, after `highest`, the greatest number in use. */
export type AssetSeries = { prefix: string; digits: number; highest: number };

/** How many of the newest miners show the facility's current way of writing asset IDs. */
const recentMiners = 2_000;

/**
 * The series new asset IDs continue: the prefix most of the newest miners share (NW- for NW-00042), padded
 * as they are, after the highest number in use with that prefix (NW-, nw- or Nw- as written). An inventory
 * without numbered asset IDs starts the app's own series, M-000001. The newest miners are read by rowid and
 * the highest number through the asset ID index, so 100,000 miners cost a few milliseconds.
 */
export function facilityAssetSeries(db: DbOrTx): AssetSeries {
  const series = db.get<{ prefix: string; digits: number } | undefined>(sql`
    SELECT prefix, min(length(asset_id) - length(prefix)) AS digits
    FROM (SELECT id, asset_id, rtrim(asset_id, '0123456789') AS prefix FROM miners WHERE asset_id GLOB '*[0-9]' ORDER BY id DESC LIMIT ${recentMiners})
    GROUP BY prefix ORDER BY count(*) DESC, max(id) DESC LIMIT 1`);
  if (!series) return { ...defaultAssetSeries, highest: 0 };
  const { prefix } = series;
  let highest = 0;
  for (const spelling of new Set([prefix, prefix.toUpperCase(), prefix.toLowerCase()])) {
    // A range of the index: every ID that starts with this spelling.
    const found = db.get<{ highest: number | null }>(sql`
      SELECT max(CAST(substr(asset_id, ${spelling.length + 1}) AS INTEGER)) AS highest FROM miners
      WHERE asset_id >= ${spelling} AND asset_id < ${`${spelling}\u{10FFFF}`} AND length(asset_id) > ${spelling.length}
        AND substr(asset_id, ${spelling.length + 1}) NOT GLOB '*[^0-9]*'`);
    highest = Math.max(highest, found?.highest ?? 0);
  }
  return { prefix, digits: series.digits, highest };
}

/** Hands out the facility's next asset IDs one after another: one look at the inventory, then counting (a commit of a thousand new miners). */
export function assetIdAllocator(db: DbOrTx): () => string {
  const series = facilityAssetSeries(db);
  let last = series.highest;
  return () => `${series.prefix}${String((last += 1)).padStart(series.digits, '0')}`;
}

/** The next free asset ID of the facility's series. */
export const nextAssetId = (db: DbOrTx): string => assetIdAllocator(db)();
