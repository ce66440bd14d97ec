import type { DbOrTx } from '../../../db/open-db';
import { auditLog } from '../../../db/schema';

export type AuditRecord = {
  actor: string;
  action: string;
  entity: string;
  entityId: string | number;
  /** The client the change concerns, so the client's Activity tab lists it. */
  clientId?: number | null;
  before?: unknown;
  after?: unknown;
};

/** Writes one audit row. Call it inside the transaction of the change it describes. */
export function recordAudit(tx: DbOrTx, record: AuditRecord): void {
  tx.insert(auditLog)
    .values({
      at: new Date().toISOString(),
      actor: record.actor,
      action: record.action,
      entity: record.entity,
      entityId: String(record.entityId),
      clientId: record.clientId ?? null,
      beforeJson: record.before === undefined ? null : JSON.stringify(record.before),
      afterJson: record.after === undefined ? null : JSON.stringify(record.after),
    })
    .run();
}
