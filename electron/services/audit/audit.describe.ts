import type { DbOrTx } from '../../../db/open-db';
import { readSettingsRow } from '../settings/settings.service';
import { describeChanges } from './audit.changes';
import { addReference, entityKinds, readNames, referenceFields, type References } from './audit.names';
import { sentenceOf } from './audit.sentences';
import { subjectOf, type AuditFacts } from './audit.subjects';

/** An audit row in words: one sentence, and the changed fields as lines. */
export type AuditWords = { summary: string; changes: string[] };

function collectReferences(rows: readonly AuditFacts[]): References {
  const references: References = new Map();
  for (const row of rows) {
    const own = entityKinds[row.entity];
    if (own) addReference(references, own, row.entityId);
    addReference(references, 'client', row.clientId);
    for (const side of [row.before, row.after]) {
      if (typeof side !== 'object' || side === null) continue;
      for (const [key, value] of Object.entries(side)) {
        const kind = referenceFields[key];
        if (kind) addReference(references, kind, value);
      }
    }
  }
  return references;
}

/**
 * Puts audit rows into words, the one place that does: every view of the log (dashboard, client activity,
 * miner and task history, settings) shows these, never action codes or raw field names. Ids read as the
 * names of their records, looked up once for the whole page; times are in the organisation's zone.
 */
export function describeAuditRows(db: DbOrTx, rows: readonly AuditFacts[]): AuditWords[] {
  const names = readNames(db, collectReferences(rows));
  const timeZone = readSettingsRow(db).timeZone;
  return rows.map((row) => ({
    summary: sentenceOf({ row, subject: subjectOf(row, names), names, timeZone }),
    changes: describeChanges(row.before, row.after, { names, timeZone, entity: row.entity }),
  }));
}
