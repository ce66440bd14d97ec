import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { DbOrTx } from '../../../db/open-db';
import { contracts, sites } from '../../../db/schema';
import { AppError } from '../../contract/errors';
import { recordContractChange } from './contracts.events';
import { localDaysBefore } from './contracts.terms';

/** The same wall-clock time in another zone: 1 Mar 00:00 in New York becomes 1 Mar 00:00 in Chicago. */
const sameLocalTime = (iso: string, fromZone: string, toZone: string): string =>
  new Date(DateTime.fromISO(iso, { zone: fromZone }).setZone(toZone, { keepLocalTime: true }).toMillis()).toISOString();

/**
 * Before the time zone of some sites changes (a site's own, or the organisation's for sites without one):
 * contracts that were activated are refused, since their instants, notice dates and billing months were
 * read in the old zone and issued invoices would no longer reproduce; drafts keep their dates on the same
 * local clock in the new zone, each with a line on its timeline. Call inside the change's transaction.
 */
export function followSiteZoneChange(tx: DbOrTx, siteIds: readonly number[], fromZone: string, toZone: string, actor: string): void {
  if (fromZone === toZone || siteIds.length === 0) return;
  const held = tx
    .select({ number: contracts.number, siteName: sites.name })
    .from(contracts)
    .innerJoin(sites, eq(sites.id, contracts.siteId))
    .where(and(inArray(contracts.siteId, [...siteIds]), ne(contracts.status, 'draft')))
    .limit(4)
    .all();
  if (held.length > 0) {
    const numbers = held.slice(0, 3).map((row) => row.number);
    const more = held.length > 3 ? ' and more' : '';
    throw new AppError(
      'CONFLICT',
      `Site "${held[0].siteName}" has contracts (${numbers.join(', ')}${more}) whose dates and billing months are read in ${fromZone}: ` +
        `changing the zone to ${toZone} would move them and their invoices. Keep the zone, or put new contracts on a new site with the right zone.`,
      { timeZone: 'has contracts read in the current zone' },
    );
  }
  const drafts = tx
    .select()
    .from(contracts)
    .where(and(inArray(contracts.siteId, [...siteIds]), eq(contracts.status, 'draft')))
    .all();
  for (const draft of drafts) {
    const moved = {
      startsAt: sameLocalTime(draft.startsAt, fromZone, toZone),
      endsAt: sameLocalTime(draft.endsAt, fromZone, toZone),
      termAnchorAt: sameLocalTime(draft.termAnchorAt, fromZone, toZone),
    };
    const changed = tx
      .update(contracts)
      .set({ ...moved, noticeBy: localDaysBefore(moved.endsAt, draft.noticeDays, toZone), updatedAt: new Date().toISOString() })
      .where(eq(contracts.id, draft.id))
      .returning()
      .get();
    recordContractChange(tx, {
      actor,
      kind: 'updated',
      at: changed.updatedAt,
      contract: changed,
      message: `The site's time zone changed from ${fromZone} to ${toZone}: start and end kept on the same local clock.`,
      before: { startsAt: draft.startsAt, endsAt: draft.endsAt },
      after: { startsAt: changed.startsAt, endsAt: changed.endsAt },
    });
  }
}

/** The sites whose time is the organisation's: those without a zone of their own. */
export const sitesOnOrganisationZone = (tx: DbOrTx): number[] =>
  tx
    .select({ id: sites.id })
    .from(sites)
    .where(isNull(sites.timeZone))
    .all()
    .map((row) => row.id);
