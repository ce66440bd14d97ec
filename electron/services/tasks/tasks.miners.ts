import { and, eq } from 'drizzle-orm';
import { inIds } from '../../../db/bulk';
import { inChunks } from '../../../db/chunks';
import type { DbOrTx } from '../../../db/open-db';
import { taskMiners, tasks } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { ParsedInputOf } from '../../contract/define';
import { recordAudit } from '../audit/record-audit';
import { minersForAudit, requireMiners, requireTask, type LinkedMiner } from './tasks.guards';

type LinkInput = ParsedInputOf<Contract['tasks.miners.add']>;

/** Inserts link rows for miners known to exist and not linked yet. */
export function linkMiners(tx: DbOrTx, taskId: number, linked: readonly LinkedMiner[]): void {
  for (const chunk of inChunks(linked)) {
    tx.insert(taskMiners)
      .values(chunk.map((miner) => ({ taskId, minerId: miner.id })))
      .run();
  }
}

/** The ids among these that are linked to the task already. */
function alreadyLinked(tx: DbOrTx, taskId: number, ids: readonly number[]): Set<number> {
  const rows = inChunks(ids, 5_000).flatMap((chunk) =>
    tx
      .select({ minerId: taskMiners.minerId })
      .from(taskMiners)
      .where(and(eq(taskMiners.taskId, taskId), inIds(taskMiners.minerId, chunk)))
      .all(),
  );
  return new Set(rows.map((row) => row.minerId));
}

/** Links more miners to a task; ones linked already are skipped. A missing miner fails the whole change, naming it. */
export function addTaskMiners(db: DbOrTx, input: LinkInput, actor: string): { added: number } {
  return db.transaction((tx) => {
    const task = requireTask(tx, input.taskId);
    const listed = requireMiners(tx, input.minerIds, 'no miner was linked');
    const linked = alreadyLinked(
      tx,
      task.id,
      listed.map((miner) => miner.id),
    );
    const added = listed.filter((miner) => !linked.has(miner.id));
    if (added.length === 0) return { added: 0 };
    linkMiners(tx, task.id, added);
    tx.update(tasks).set({ updatedAt: new Date().toISOString() }).where(eq(tasks.id, task.id)).run();
    recordAudit(tx, { actor, action: 'task.miners_added', entity: 'task', entityId: task.id, clientId: task.clientId, after: minersForAudit(added) });
    return { added: added.length };
  });
}

/** Unlinks miners from a task; miners that were not linked are left alone. */
export function removeTaskMiners(db: DbOrTx, input: LinkInput, actor: string): { removed: number } {
  return db.transaction((tx) => {
    const task = requireTask(tx, input.taskId);
    const linked = alreadyLinked(tx, task.id, [...new Set(input.minerIds)]);
    if (linked.size === 0) return { removed: 0 };
    const removed = requireMiners(tx, [...linked], 'no miner was unlinked');
    for (const chunk of inChunks([...linked], 5_000)) {
      tx.delete(taskMiners)
        .where(and(eq(taskMiners.taskId, task.id), inIds(taskMiners.minerId, chunk)))
        .run();
    }
    tx.update(tasks).set({ updatedAt: new Date().toISOString() }).where(eq(tasks.id, task.id)).run();
    // The action names the direction; the row lists the miners unlinked, as the add row lists the ones linked.
    recordAudit(tx, { actor, action: 'task.miners_removed', entity: 'task', entityId: task.id, clientId: task.clientId, after: minersForAudit(removed) });
    return { removed: removed.length };
  });
}
