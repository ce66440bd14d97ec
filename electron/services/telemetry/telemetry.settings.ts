import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { telemetrySettings } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { ParsedInputOf } from '../../contract/define';
import { telemetryDefaults, type TelemetrySettings } from '../../contract/telemetry';
import { recordAudit } from '../audit/record-audit';

const SETTINGS_ID = 1;

/** The poller's settings as stored, or the defaults until the first save. */
export function getTelemetrySettings(db: DbOrTx): TelemetrySettings {
  const row = db.select().from(telemetrySettings).where(eq(telemetrySettings.id, SETTINGS_ID)).get();
  if (!row) return { ...telemetryDefaults, updatedAt: null };
  return { pollIntervalS: row.pollIntervalS, concurrency: row.concurrency, timeoutMs: row.timeoutMs, enabled: row.enabled, updatedAt: row.updatedAt };
}

const auditView = ({ updatedAt: _updatedAt, ...rest }: TelemetrySettings) => rest;

export function updateTelemetrySettings(db: DbOrTx, input: ParsedInputOf<Contract['telemetry.settings.update']>, actor: string): TelemetrySettings {
  return db.transaction((tx) => {
    const before = getTelemetrySettings(tx);
    const next = { id: SETTINGS_ID, ...input, updatedAt: new Date().toISOString() };
    tx.insert(telemetrySettings).values(next).onConflictDoUpdate({ target: telemetrySettings.id, set: next }).run();
    const { id: _id, ...after } = next;
    recordAudit(tx, {
      actor,
      action: 'telemetry.settings.updated',
      entity: 'telemetry_settings',
      entityId: SETTINGS_ID,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}
