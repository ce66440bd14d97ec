import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { contracts } from '../../../db/schema';
import { counted } from '../../contract/words';
import { recordContractChange } from './contracts.events';
import { contractLabel, siteZone, type ContractRow } from './contracts.guards';
import { closeAllEquipment, openPeriodCount } from './contracts.equipment';
import { describeInstant } from './contracts.terms';

/**
 * Closes a contract at its end instant (`endsAt`, which a termination has moved): its equipment is released
 * at that instant (Lease miners back to unassigned stock, Hosted miners stay the client's) and the status
 * becomes ended or terminated. Call inside the change's transaction.
 */
export function closeContract(tx: DbOrTx, row: ContractRow, status: 'ended' | 'terminated', actor: string, now: Date): ContractRow {
  const zone = siteZone(tx, row.siteId);
  const held = openPeriodCount(tx, row.id);
  closeAllEquipment(tx, row, row.endsAt, actor, `${contractLabel(row)} ${status} at ${describeInstant(row.endsAt, zone)}`);
  const closed = tx
    .update(contracts)
    .set({ status, closedAt: now.toISOString(), updatedAt: now.toISOString() })
    .where(eq(contracts.id, row.id))
    .returning()
    .get();
  const released = held ? ` ${counted(held, row.type === 'om' ? 'site' : 'miner')} released${row.type === 'lease' ? ', back to unassigned stock' : ''}.` : '';
  const message =
    status === 'terminated'
      ? `Terminated early at ${describeInstant(row.endsAt, zone)}: ${row.terminationReason ?? 'no reason given'}.${released}`
      : `Ended at ${describeInstant(row.endsAt, zone)}.${released}`;
  recordContractChange(tx, {
    actor,
    kind: status,
    at: row.endsAt,
    contract: closed,
    message,
    before: { status: row.status },
    after: { status, endsAt: row.endsAt },
  });
  return closed;
}
