import { afterEach, describe, expect, it } from 'vitest';
import { clientGroups } from '../../db/schema';
import { AppError } from '../contract/errors';
import { openTempDb, type TempDb } from '../../tests/helpers/temp-db';
import { requireById, requireFound } from './require-row';

let t: TempDb | undefined;
afterEach(() => t?.close());

describe('requireFound', () => {
  it('returns what exists, null and undefined are refused with one sentence', () => {
    expect(requireFound({ id: 3 }, 'Task', 3)).toEqual({ id: 3 });
    expect(requireFound(0, 'Counter', 1)).toBe(0);
    expect(() => requireFound(undefined, 'Task', 9, 'Refresh the task list.')).toThrow('Task #9 was not found. Refresh the task list.');
    try {
      requireFound(null, 'Contact', 4);
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('NOT_FOUND');
      expect((error as AppError).message).toBe('Contact #4 was not found. It may have been removed; reload the list and try again.');
    }
  });
});

describe('requireById', () => {
  it('reads the row by primary key or refuses NOT_FOUND', () => {
    t = openTempDb();
    const row = t.db.insert(clientGroups).values({ name: 'Wholesale' }).returning().get();
    expect(requireById(t.db, clientGroups, row.id, 'Client group').name).toBe('Wholesale');
    expect(() => requireById(t!.db, clientGroups, row.id + 1, 'Client group', 'Refresh the list and try again.')).toThrow(
      `Client group #${row.id + 1} was not found. Refresh the list and try again.`,
    );
  });
});
