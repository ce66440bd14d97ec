import { or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/** Any of the columns contains the term, any case; LIKE's wildcards in the term mean themselves. Undefined for an empty term. */
export function containsText(term: string, columns: readonly SQLWrapper[]): SQL | undefined {
  if (!term) return undefined;
  const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(...columns.map((column) => sql`${column} LIKE ${pattern} ESCAPE '\\'`));
}
