/** Rows per multi-row statement: a few hundred rows of a dozen columns stay far below SQLite's limit of bound variables. */
export const rowsPerStatement = 500;

/** Splits rows into slices for multi-row INSERTs and `IN (…)` lists. */
export function inChunks<T>(items: readonly T[], size = rowsPerStatement): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
