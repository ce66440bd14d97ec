import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { contractEvents } from '../../../db/schema';
import type { ContractEvent } from '../../contract/contracts';
import type { ContractEventKind } from '../../contract/contracts.vocab';
import { recordAudit } from '../audit/record-audit';
import { requireContract, type ContractRow } from './contracts.guards';

export type ContractChange = {
  actor: string;
  kind: ContractEventKind;
  /** The instant the change took effect (a back-dated assignment keeps its true date). */
  at: string;
  /** One plain sentence for the timeline. */
  message: string;
  details?: Record<string, unknown>;
  /** The contract as it is after the change (its id and client name the audit row). */
  contract: ContractRow;
  before?: unknown;
  after?: unknown;
};

/** Writes the timeline event and the audit row of one change. Call inside the change's transaction. */
export function recordContractChange(tx: DbOrTx, change: ContractChange): void {
  const now = new Date().toISOString();
  const details = change.details ?? {};
  tx.insert(contractEvents)
    .values({
      contractId: change.contract.id,
      kind: change.kind,
      at: change.at,
      recordedAt: now,
      actor: change.actor,
      message: change.message,
      detailsJson: JSON.stringify(details),
    })
    .run();
  recordAudit(tx, {
    actor: change.actor,
    action: `contract.${change.kind}`,
    entity: 'contract',
    entityId: change.contract.id,
    clientId: change.contract.clientId,
    before: change.before,
    after: change.after ?? { ...details, message: change.message },
  });
}

/** Every event of a contract, newest first. */
export function contractTimeline(db: DbOrTx, contractId: number): ContractEvent[] {
  requireContract(db, contractId);
  return db
    .select()
    .from(contractEvents)
    .where(eq(contractEvents.contractId, contractId))
    .orderBy(desc(contractEvents.id))
    .all()
    .map(({ id, kind, at, recordedAt, actor, message, detailsJson }) => ({
      id,
      kind,
      at,
      recordedAt,
      actor,
      message,
      details: JSON.parse(detailsJson) as Record<string, unknown>,
    }));
}
