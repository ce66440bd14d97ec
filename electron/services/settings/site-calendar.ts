import { DateTime } from 'luxon';
import type { DbOrTx } from '../../../db/open-db';
import { readSettingsRow } from './settings.service';

/** Today's date (YYYY-MM-DD) in the site's calendar: prices and periods change at local midnight, not UTC's. */
export function siteToday(db: DbOrTx, now = new Date()): string {
  const zone = readSettingsRow(db).timeZone;
  return DateTime.fromJSDate(now).setZone(zone).toISODate() ?? now.toISOString().slice(0, 10);
}

/** The UTC instant (ISO 8601) at which `date` (plus `days`) begins in the site's calendar, to compare with stored UTC times. */
export function siteDayStartUtc(db: DbOrTx, date: string, days = 0): string {
  const zone = readSettingsRow(db).timeZone;
  const start = DateTime.fromISO(date, { zone }).startOf('day').plus({ days });
  return start.toUTC().toISO() ?? `${date}T00:00:00.000Z`;
}
