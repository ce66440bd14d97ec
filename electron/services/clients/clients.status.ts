import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { clientStatusHistory, clients } from '../../../db/schema';
import type { Contract } from '../../contract';
import { clientStatusLabels, statusesNeedingReason, type ClientStatus, type ClientStatusChange } from '../../contract/clients';
import type { ParsedInputOf } from '../../contract/define';
import { AppError } from '../../contract/errors';
import { recordAudit } from '../audit/record-audit';
import { clientLabel, requireClient, requireOpenClient, type ClientRow } from './clients.guards';

/** Writes one row of the status history (from null when the client is created). */
export function recordStatusChange(
  tx: DbOrTx,
  client: Pick<ClientRow, 'id'>,
  from: ClientStatus | null,
  to: ClientStatus,
  reason: string | null,
  actor: string,
): void {
  tx.insert(clientStatusHistory).values({ clientId: client.id, fromStatus: from, toStatus: to, reason, actor, at: new Date().toISOString() }).run();
}

/** Changes the status; In Default and Suspended need a reason, which the history keeps. */
export function setClientStatus(db: DbOrTx, input: ParsedInputOf<Contract['clients.setStatus']>, actor: string): ClientRow {
  return db.transaction((tx) => {
    const before = requireOpenClient(tx, input.id);
    const reason = input.reason || null;
    if (!reason && statusesNeedingReason.includes(input.status)) {
      throw new AppError(
        'INVALID_INPUT',
        `Say why ${clientLabel(before)} is set to ${clientStatusLabels[input.status]}: the reason is kept in its status history.`,
        {
          reason: `is required for ${clientStatusLabels[input.status]}`,
        },
      );
    }
    if (before.status === input.status) {
      throw new AppError('CONFLICT', `${clientLabel(before)} is already ${clientStatusLabels[input.status]}.`, { status: 'is the current status' });
    }
    const after = tx.update(clients).set({ status: input.status, updatedAt: new Date().toISOString() }).where(eq(clients.id, input.id)).returning().get();
    recordStatusChange(tx, before, before.status, input.status, reason, actor);
    recordAudit(tx, {
      actor,
      action: 'client.status_changed',
      entity: 'client',
      entityId: before.id,
      clientId: before.id,
      before: { status: before.status },
      after: { status: after.status, reason },
    });
    return after;
  });
}

/** The status history of a client, newest first. */
export function listStatusHistory(db: DbOrTx, clientId: number): ClientStatusChange[] {
  requireClient(db, clientId);
  return db.select().from(clientStatusHistory).where(eq(clientStatusHistory.clientId, clientId)).orderBy(desc(clientStatusHistory.id)).all();
}
