import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../../db/open-db';
import { sites } from '../../../../db/schema';
import type { Contract } from '../../../contract';
import type { ParsedInputOf } from '../../../contract/define';
import { recordAudit } from '../../audit/record-audit';
import { requireSite } from '../../sites/sites.guards';
import { refusePublicRangeTexts } from '../scan-scope';

/** The LAN ranges saved for a site, as typed. */
export function getSiteScanRanges(db: DbOrTx, siteId: number): { siteId: number; ranges: string[] } {
  return { siteId, ranges: JSON.parse(requireSite(db, siteId).scanRangesJson) as string[] };
}

/** Replaces the site's saved ranges (each checked by the contract); audited. */
export function saveSiteScanRanges(db: DbOrTx, input: ParsedInputOf<Contract['discovery.ranges.save']>, actor: string): { siteId: number; ranges: string[] } {
  return db.transaction((tx) => {
    refusePublicRangeTexts(tx, input.ranges);
    const before = getSiteScanRanges(tx, input.siteId).ranges;
    tx.update(sites)
      .set({ scanRangesJson: JSON.stringify(input.ranges), updatedAt: new Date().toISOString() })
      .where(eq(sites.id, input.siteId))
      .run();
    recordAudit(tx, {
      actor,
      action: 'site.scan_ranges_changed',
      entity: 'site',
      entityId: input.siteId,
      before: { ranges: before },
      after: { ranges: input.ranges },
    });
    return { siteId: input.siteId, ranges: input.ranges };
  });
}
