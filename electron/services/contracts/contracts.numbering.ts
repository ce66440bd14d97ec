import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { contractNumberSequences } from '../../../db/schema';
import { readSettingsRow } from '../settings/settings.service';
import { localYear } from './contracts.terms';

/**
 * The next permanent contract number of the year `at` falls in (the organisation's calendar), e.g.
 * HD-2026-0042. One upsert bumps the year's counter inside the activation's transaction, so a failed
 * activation rolls its number back and no number is skipped or given twice: gapless per year.
 */
export function takeContractNumber(tx: DbOrTx, at: string): string {
  const { contractPrefix, timeZone } = readSettingsRow(tx);
  const year = localYear(at, timeZone);
  const { last } = tx
    .insert(contractNumberSequences)
    .values({ year, last: 1 })
    .onConflictDoUpdate({ target: contractNumberSequences.year, set: { last: sql`${contractNumberSequences.last} + 1` } })
    .returning({ last: contractNumberSequences.last })
    .get();
  return `${contractPrefix ? `${contractPrefix}-` : ''}${year}-${String(last).padStart(4, '0')}`;
}
