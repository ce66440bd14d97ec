import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { powerDevices, powerProfiles } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { ParsedInputOf } from '../../contract/define';
import { AppError } from '../../contract/errors';
import type { PowerProfileView } from '../../contract/power';
import { meterProfileSchema, pduProfileSchema, type MeterProfile, type PduProfile } from '../../contract/power.profiles';
import type { PolledDeviceKind } from '../../contract/power.vocab';
import { recordAudit } from '../audit/record-audit';
import type { BuiltInPowerProfile } from './profiles';
import { requireById } from '../require-row';

/** The profiles shipped in code, by key (services/power/profiles); tests pass their own. */
export type BuiltInProfiles = ReadonlyMap<string, BuiltInPowerProfile>;

type ProfileRow = typeof powerProfiles.$inferSelect;

/** A stored definition read back through its schema, so defaults added later apply. */
export function parseDefinition(kind: PolledDeviceKind, json: string): PduProfile | MeterProfile {
  const raw: unknown = JSON.parse(json);
  return kind === 'pdu' ? pduProfileSchema.parse(raw) : meterProfileSchema.parse(raw);
}

const deviceCounts = (db: DbOrTx) => {
  const rows = db
    .select({ builtin: powerDevices.builtinProfile, custom: powerDevices.customProfileId, n: sql<number>`count(*)` })
    .from(powerDevices)
    .groupBy(powerDevices.builtinProfile, powerDevices.customProfileId)
    .all();
  return {
    builtin: new Map(rows.filter((r) => r.builtin !== null).map((r) => [r.builtin, r.n])),
    custom: new Map(rows.filter((r) => r.custom !== null).map((r) => [r.custom, r.n])),
  };
};

const customView = (row: ProfileRow, count: number): PowerProfileView => ({
  key: null,
  id: row.id,
  kind: row.kind,
  label: row.name,
  builtIn: false,
  definition: parseDefinition(row.kind, row.definitionJson),
  deviceCount: count,
});

/** Built-in profiles by label, then custom ones by name. */
export function listPowerProfiles(db: DbOrTx, builtIns: BuiltInProfiles, kind?: PolledDeviceKind): PowerProfileView[] {
  const counts = deviceCounts(db);
  const shipped = [...builtIns]
    .filter(([, profile]) => !kind || profile.kind === kind)
    .map(([key, profile]): PowerProfileView => ({
      key,
      id: null,
      kind: profile.kind,
      label: profile.label,
      builtIn: true,
      definition: profile.definition,
      deviceCount: counts.builtin.get(key) ?? 0,
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const custom = db
    .select()
    .from(powerProfiles)
    .where(kind ? eq(powerProfiles.kind, kind) : undefined)
    .orderBy(asc(sql`${powerProfiles.name} COLLATE NOCASE`))
    .all()
    .map((row) => customView(row, counts.custom.get(row.id) ?? 0));
  return [...shipped, ...custom];
}

export function requireCustomProfile(db: DbOrTx, id: number): ProfileRow {
  return requireById(db, powerProfiles, id, 'Power profile', 'Reload the list; it may have been deleted.');
}

function assertNameFree(db: DbOrTx, name: string, builtIns: BuiltInProfiles, exceptId: number | null): void {
  const taken = db
    .select({ id: powerProfiles.id })
    .from(powerProfiles)
    .where(sql`${powerProfiles.name} = ${name} COLLATE NOCASE`)
    .get();
  const shipped = [...builtIns.values()].some((profile) => profile.label.toLowerCase() === name.toLowerCase());
  if ((taken && taken.id !== exceptId) || shipped) {
    throw new AppError('CONFLICT', `A power profile named "${name}" already exists. Choose another name.`, { name: 'is already used by another profile' });
  }
}

const auditView = (row: ProfileRow) => ({ kind: row.kind, name: row.name, definition: JSON.parse(row.definitionJson) as unknown });

export function createPowerProfile(
  db: DbOrTx,
  input: ParsedInputOf<Contract['power.profiles.create']>,
  builtIns: BuiltInProfiles,
  actor: string,
): PowerProfileView {
  return db.transaction((tx) => {
    assertNameFree(tx, input.name, builtIns, null);
    const now = new Date().toISOString();
    const row = tx
      .insert(powerProfiles)
      .values({ kind: input.kind, name: input.name, definitionJson: JSON.stringify(input.definition), createdAt: now, updatedAt: now })
      .returning()
      .get();
    recordAudit(tx, { actor, action: 'power.profile.created', entity: 'power_profile', entityId: row.id, after: auditView(row) });
    return customView(row, 0);
  });
}

export function updatePowerProfile(
  db: DbOrTx,
  input: ParsedInputOf<Contract['power.profiles.update']>,
  builtIns: BuiltInProfiles,
  actor: string,
): PowerProfileView {
  return db.transaction((tx) => {
    const before = requireCustomProfile(tx, input.id);
    if (before.kind !== input.kind) {
      throw new AppError('INVALID_INPUT', `Profile "${before.name}" is a ${before.kind} profile; its kind cannot change. Create a new profile instead.`, {
        kind: 'cannot change',
      });
    }
    assertNameFree(tx, input.name, builtIns, input.id);
    const after = tx
      .update(powerProfiles)
      .set({ name: input.name, definitionJson: JSON.stringify(input.definition), updatedAt: new Date().toISOString() })
      .where(eq(powerProfiles.id, input.id))
      .returning()
      .get();
    recordAudit(tx, {
      actor,
      action: 'power.profile.updated',
      entity: 'power_profile',
      entityId: input.id,
      before: auditView(before),
      after: auditView(after),
    });
    return customView(after, deviceCounts(tx).custom.get(input.id) ?? 0);
  });
}

/** Refused while any device is read with the profile: the message names them. */
export function deletePowerProfile(db: DbOrTx, id: number, actor: string): { id: number } {
  return db.transaction((tx) => {
    const before = requireCustomProfile(tx, id);
    const users = tx.select({ name: powerDevices.name }).from(powerDevices).where(eq(powerDevices.customProfileId, id)).orderBy(asc(powerDevices.name)).all();
    if (users.length) {
      const names = users.slice(0, 5).map((u) => `"${u.name}"`);
      const more = users.length > 5 ? ` and ${users.length - 5} more` : '';
      throw new AppError('CONFLICT', `Profile "${before.name}" is used by ${names.join(', ')}${more}. Give those devices another profile first.`);
    }
    tx.delete(powerProfiles).where(eq(powerProfiles.id, id)).run();
    recordAudit(tx, { actor, action: 'power.profile.deleted', entity: 'power_profile', entityId: id, before: auditView(before) });
    return { id };
  });
}
