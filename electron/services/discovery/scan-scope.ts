import type { DbOrTx } from '../../../db/open-db';
import { AppError } from '../../contract/errors';
import { parseIpRange, publicRangeProblem, type IpRange } from '../../contract/ip-ranges';
import { readSettingsRow } from '../settings/settings.service';

/**
 * A LAN tool scans LAN space: ranges reaching public addresses are refused, naming the first, unless Settings
 * allow public scan ranges. The contract has refused multicast, broadcast and 0.0.0.0/8 already.
 */
export function refusePublicRanges(db: DbOrTx, ranges: readonly IpRange[]): void {
  if (readSettingsRow(db).allowPublicScanRanges) return;
  const problems = ranges.map(publicRangeProblem).filter((problem) => problem !== null);
  if (problems.length === 0) return;
  const more = problems.length > 1 ? ` ${problems.length - 1} more ${problems.length === 2 ? 'range does' : 'ranges do'} too.` : '';
  throw new AppError('INVALID_INPUT', `${problems[0]} Nothing was scanned or saved.${more}`, { ranges: 'reaches public addresses' });
}

/** The same refusal for ranges as typed (the site's saved ranges); the contract has checked each parses. */
export function refusePublicRangeTexts(db: DbOrTx, texts: readonly string[]): void {
  refusePublicRanges(
    db,
    texts.flatMap((text) => {
      const parsed = parseIpRange(text);
      return parsed.ok ? [parsed.range] : [];
    }),
  );
}
