import { contract } from '../electron/contract';
import { massEditMiners, undoMassEdit } from '../electron/services/miners/miners.edit';
import { withFilledDb } from './fixtures/bench-db';

const runs = 10;
const minersPerEdit = 10_000;

/** miners.massEdit assigning a client and paid=false to 10,000 of 100,000 miners, audit and assignment rows included; then its undo. */
export async function minersMassEdit(): Promise<Record<string, number>> {
  return withFilledDb((db) => {
    const editMs: number[] = [];
    const undoMs: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      // A block of racks, as a selection on the floor is: the miners sit in id order on disk, so the edit touches few pages.
      const minerIds = Array.from({ length: minersPerEdit }, (_, k) => 1 + i * minersPerEdit + k);
      const input = contract['miners.massEdit'].input.parse({ minerIds, changes: { clientId: 1 + i, paid: false } });
      let start = performance.now();
      const { undoToken } = massEditMiners(db, input, 'bench', new Date());
      editMs.push(performance.now() - start);
      start = performance.now();
      undoMassEdit(db, undoToken, 'bench', new Date());
      undoMs.push(performance.now() - start);
      // Between one person's edits the app checkpoints the WAL when idle (electron/runtime.ts); not timed.
      db.$client.pragma('wal_checkpoint(PASSIVE)');
    }
    const median = (ms: number[]) => Math.round([...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)] * 10) / 10;
    const worst = (ms: number[]) => Math.round(Math.max(...ms) * 10) / 10;
    return { miners: minersPerEdit, editMedianMs: median(editMs), editMaxMs: worst(editMs), undoMedianMs: median(undoMs), undoMaxMs: worst(undoMs) };
  });
}
