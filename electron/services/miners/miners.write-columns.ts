import { updateRows } from '../../../db/bulk';
import type { Db } from '../../../db/open-db';
import { miners } from '../../../db/schema';

type MinerRow = typeof miners.$inferSelect;
/** The columns a batch may set on a miner row; the id and the times it keeps itself. */
export type WritableMinerColumns = Partial<Omit<MinerRow, 'id' | 'createdAt' | 'updatedAt'>>;
export type MinerColumnChange = { minerId: number; values: WritableMinerColumns };

/**
 * Many miners' changed columns, in order, with a multi-row UPDATE per set of columns (ten thousand rows with ten
 * thousand different IPs cannot share one SET, and a statement per row costs three times as much SQLite work
 * with the search index's trigger). A miner changed twice gets its changes in their order: its second change goes
 * in the round after the first. Column names come from the schema, never from input. Call inside the change's transaction.
 */
export function writeMinerColumns(db: Db, changes: readonly MinerColumnChange[], at: string): void {
  const rounds: Map<string, unknown[][]>[] = [];
  const seen = new Map<number, number>();
  for (const { minerId, values } of changes) {
    const keys = (Object.keys(values) as (keyof WritableMinerColumns)[]).sort();
    const round = seen.get(minerId) ?? 0;
    seen.set(minerId, round + 1);
    const groups = (rounds[round] ??= new Map());
    const group = keys.join(',');
    const row = [minerId, ...keys.map((key) => (typeof values[key] === 'boolean' ? Number(values[key]) : values[key])), at];
    const rows = groups.get(group);
    if (rows) rows.push(row);
    else groups.set(group, [row]);
  }
  for (const groups of rounds) {
    for (const [group, rows] of groups) {
      const columns = group ? group.split(',').map((key) => miners[key as keyof WritableMinerColumns].name) : [];
      updateRows(db.$client, 'miners', 'id', [...columns, 'updated_at'], rows);
    }
  }
}
