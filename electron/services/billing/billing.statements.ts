import { prepared } from '../../../db/bulk';
import type { Db } from '../../../db/open-db';

/**
 * Reading billing's history through statements prepared once per connection: a batch gathers hundreds of
 * clients, and building and preparing each query again cost more than running it. Lists of ids are bound
 * as one JSON array (`IN (SELECT value FROM json_each(?))`, which SQLite serves from the same indexes as a
 * written-out list), so a statement's text never changes with the ids.
 */
export const IDS = 'SELECT value FROM json_each(?)';

export const idsParam = (ids: Iterable<number>): string => JSON.stringify([...ids]);

/** The rows of `text` with `params` bound, as objects named by the columns' aliases. */
export const rowsOf = <T>(db: Db, text: string, ...params: unknown[]): T[] => prepared(db.$client, text).all(...params) as T[];
