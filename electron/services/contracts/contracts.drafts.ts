import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { contracts } from '../../../db/schema';

/** A temporary reference like DRAFT-7f3a, unused so far; longer once the short ones grow crowded. */
export function newDraftReference(tx: DbOrTx): string {
  for (let attempt = 0; ; attempt += 1) {
    const reference = `DRAFT-${randomBytes(attempt < 8 ? 2 : 4).toString('hex')}`;
    if (!tx.select({ id: contracts.id }).from(contracts).where(eq(contracts.draftReference, reference)).get()) return reference;
  }
}
