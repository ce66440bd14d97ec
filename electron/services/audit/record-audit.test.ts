import { asc } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../../db/schema';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { recordSerializedAuditRows } from './record-audit';

let t: TempDb;
beforeEach(() => {
  t = openTempDb();
});
afterEach(() => t.close());

describe('recordSerializedAuditRows', () => {
  it('writes every row in order across statements, the shared actor, action and entity on each, the JSON as given', () => {
    const rows = Array.from({ length: 2_501 }, (_, i) => ({
      entityId: i + 1,
      clientId: i % 3 === 0 ? null : i,
      beforeJson: i % 5 === 0 ? null : `{"n":${i}}`,
      afterJson: `{"n":${i + 1}}`,
    }));
    t.db.transaction(() => recordSerializedAuditRows(t.db, { actor: 'ana', action: 'miner.mass_edited', entity: 'miner' }, rows));
    const stored = t.db.select().from(auditLog).orderBy(asc(auditLog.id)).all();
    expect(stored).toHaveLength(2_501);
    expect(new Set(stored.map((row) => row.at)).size).toBe(1);
    stored.forEach((row, i) =>
      expect(row).toEqual({
        id: row.id,
        at: stored[0].at,
        actor: 'ana',
        action: 'miner.mass_edited',
        entity: 'miner',
        entityId: String(i + 1),
        clientId: rows[i].clientId,
        beforeJson: rows[i].beforeJson,
        afterJson: rows[i].afterJson,
      }),
    );
  });
});
