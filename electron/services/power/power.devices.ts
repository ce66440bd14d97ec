import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { powerDevices, powerOutlets, powerProfiles, racks, siteRooms, sites } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { ParsedInputOf } from '../../contract/define';
import { AppError } from '../../contract/errors';
import type { PowerDevice } from '../../contract/power';
import { modbusSettingsSchema, snmpSettingsSchema, type MeterProfile, type PduProfile, type SnmpSecrets } from '../../contract/power.profiles';
import { recordAudit } from '../audit/record-audit';
import type { SecretBox } from '../secrets/secret-box';
import { requireRack, requireSite } from '../sites/sites.guards';
import { parseDefinition, requireCustomProfile, type BuiltInProfiles } from './power.profiles.service';
import type { PowerDeviceTarget } from './reader';
import { requireById } from '../require-row';
import { mergedSecrets, snmpProblems } from './power.devices.snmp';

export type DeviceRow = typeof powerDevices.$inferSelect;
export type PowerDeps = { builtIns: BuiltInProfiles; secrets: SecretBox };

type DeviceInput = ParsedInputOf<Contract['power.devices.create']>;
type ManualInput = Extract<DeviceInput, { kind: 'manual' }>;

/** Numbers a manual device's outlets 1…count; outlets it has already are kept (never removed: readings and plug-ins hang on them). */
function numberManualOutlets(db: DbOrTx, deviceId: number, input: DeviceInput): void {
  if (input.kind !== 'manual' || input.outletCount === 0) return;
  db.run(
    sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${input.outletCount})
        INSERT OR IGNORE INTO power_outlets (device_id, outlet_index) SELECT ${deviceId}, i FROM n`,
  );
}

export const defaultPorts = { pdu: 161, meter: 502 } as const;

const listColumns = {
  row: powerDevices,
  siteName: sites.name,
  rackName: racks.name,
  customName: powerProfiles.name,
  outletCount: sql<number>`(SELECT count(*) FROM power_outlets o WHERE o.device_id = ${powerDevices.id})`,
};

function selectDevices(db: DbOrTx, deps: Pick<PowerDeps, 'builtIns'>, where: SQL | undefined): PowerDevice[] {
  return db
    .select(listColumns)
    .from(powerDevices)
    .innerJoin(sites, eq(sites.id, powerDevices.siteId))
    .leftJoin(racks, eq(racks.id, powerDevices.rackId))
    .leftJoin(powerProfiles, eq(powerProfiles.id, powerDevices.customProfileId))
    .where(where)
    .orderBy(asc(sql`${sites.name} COLLATE NOCASE`), asc(sql`${powerDevices.name} COLLATE NOCASE`), asc(powerDevices.id))
    .all()
    .map(({ row, siteName, rackName, customName, outletCount }) => {
      const { secretEnc, settingsJson, ...rest } = row;
      const settings: unknown = JSON.parse(settingsJson);
      return {
        ...rest,
        siteName,
        rackName,
        outletCount,
        profileLabel: row.builtinProfile ? (deps.builtIns.get(row.builtinProfile)?.label ?? `${row.builtinProfile} (no longer shipped)`) : (customName ?? ''),
        snmp: row.kind === 'pdu' ? snmpSettingsSchema.parse(settings) : null,
        modbus: row.kind === 'meter' ? modbusSettingsSchema.parse(settings) : null,
        hasSecret: secretEnc !== null,
      };
    });
}

export function listPowerDevices(db: DbOrTx, deps: Pick<PowerDeps, 'builtIns'>, input: ParsedInputOf<Contract['power.devices.list']>): PowerDevice[] {
  return selectDevices(
    db,
    deps,
    and(input.siteId === undefined ? undefined : eq(powerDevices.siteId, input.siteId), input.kind ? eq(powerDevices.kind, input.kind) : undefined),
  );
}

export function requireDevice(db: DbOrTx, id: number): DeviceRow {
  return requireById(db, powerDevices, id, 'Power device', 'It may have been deleted; reload the list.');
}

export function getPowerDevice(db: DbOrTx, deps: Pick<PowerDeps, 'builtIns'>, id: number): PowerDevice {
  requireDevice(db, id);
  return selectDevices(db, deps, eq(powerDevices.id, id))[0];
}

const labelOf = (path: string) =>
  path
    .split('.')
    .pop()!
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/^./, (c) => c.toUpperCase());

function invalid(fields: Record<string, string>): never {
  const message = Object.entries(fields)
    .map(([path, reason]) => `${labelOf(path)}: ${reason}`)
    .join('. ');
  throw new AppError('INVALID_INPUT', `${message}.`, fields);
}

/** The site must exist and the rack, if any, be at that site. */
function placeProblems(db: DbOrTx, input: { siteId: number; rackId: number | null }): Record<string, string> {
  requireSite(db, input.siteId);
  if (input.rackId === null) return {};
  const rack = requireRack(db, input.rackId);
  const room = db.select({ siteId: siteRooms.siteId }).from(siteRooms).where(eq(siteRooms.id, rack.roomId)).get();
  return room?.siteId === input.siteId ? {} : { rackId: `rack "${rack.name}" is at another site` };
}

/** A manual device: no host, port, profile or secrets, never polled. */
function manualValues(db: DbOrTx, input: ManualInput) {
  const fields = placeProblems(db, input);
  if (Object.keys(fields).length) invalid(fields);
  const none = { host: null, port: null, builtinProfile: null, customProfileId: null, secretEnc: null, meteredDeviceId: null };
  return { siteId: input.siteId, rackId: input.rackId, kind: input.kind, name: input.name, ...none, settingsJson: '{}', enabled: input.enabled };
}

/** Checks the references of the form and returns the row values to store (secrets sealed). */
function deviceValues(db: DbOrTx, deps: PowerDeps, input: DeviceInput, before: DeviceRow | null) {
  if (input.kind === 'manual') return manualValues(db, input);
  const fields = placeProblems(db, input);
  if (input.builtinProfile !== null) {
    const shipped = deps.builtIns.get(input.builtinProfile);
    if (!shipped) fields.builtinProfile = `there is no built-in profile "${input.builtinProfile}"`;
    else if (shipped.kind !== input.kind) fields.builtinProfile = `"${shipped.label}" is a ${shipped.kind} profile, not a ${input.kind} one`;
  }
  if (input.customProfileId !== null) {
    const custom = requireCustomProfile(db, input.customProfileId);
    if (custom.kind !== input.kind) fields.customProfileId = `"${custom.name}" is a ${custom.kind} profile, not a ${input.kind} one`;
  }
  let secretEnc: string | null = null;
  let settings: object;
  let meteredDeviceId: number | null = null;
  if (input.kind === 'pdu') {
    const stored: SnmpSecrets = before?.secretEnc && before.kind === 'pdu' ? (JSON.parse(deps.secrets.open(before.secretEnc)) as SnmpSecrets) : {};
    const secrets = mergedSecrets(stored, input.secrets);
    Object.assign(fields, snmpProblems(input.snmp, secrets));
    secretEnc = Object.keys(secrets).length ? deps.secrets.seal(JSON.stringify(secrets)) : null;
    settings = input.snmp;
  } else {
    settings = input.modbus;
    meteredDeviceId = input.meteredDeviceId;
    if (meteredDeviceId !== null) {
      const pdu = db.select().from(powerDevices).where(eq(powerDevices.id, meteredDeviceId)).get();
      if (!pdu || pdu.kind !== 'pdu') fields.meteredDeviceId = 'must be a PDU';
      else if (pdu.siteId !== input.siteId) fields.meteredDeviceId = `PDU "${pdu.name}" is at another site`;
    }
  }
  if (Object.keys(fields).length) invalid(fields);
  const port = input.port ?? defaultPorts[input.kind];
  const clash = db
    .select({ id: powerDevices.id, name: powerDevices.name })
    .from(powerDevices)
    .where(and(eq(powerDevices.siteId, input.siteId), eq(powerDevices.host, input.host), eq(powerDevices.port, port)))
    .get();
  if (clash && clash.id !== before?.id) {
    throw new AppError('CONFLICT', `"${clash.name}" already answers at ${input.host}:${port} at this site. Edit that device instead.`, {
      host: 'is already used by another device',
    });
  }
  return {
    siteId: input.siteId,
    rackId: input.rackId,
    kind: input.kind,
    name: input.name,
    host: input.host,
    port,
    builtinProfile: input.builtinProfile,
    customProfileId: input.customProfileId,
    settingsJson: JSON.stringify(settings),
    secretEnc,
    meteredDeviceId,
    enabled: input.enabled,
  };
}

/** The audit trail of a device: never the sealed secrets, only whether they changed. */
const auditView = ({ secretEnc, updatedAt: _u, lastPolledAt: _p, lastOkAt: _o, state: _s, stateMessage: _m, powerW: _w, ...rest }: DeviceRow) => ({
  ...rest,
  hasSecret: secretEnc !== null,
});

export function createPowerDevice(db: DbOrTx, deps: PowerDeps, input: DeviceInput, actor: string): PowerDevice {
  return db.transaction((tx) => {
    const values = deviceValues(tx, deps, input, null);
    const now = new Date().toISOString();
    const row = tx
      .insert(powerDevices)
      .values({ ...values, createdAt: now, updatedAt: now })
      .returning()
      .get();
    numberManualOutlets(tx, row.id, input);
    const outlets = input.kind === 'manual' ? { outletCount: input.outletCount } : {};
    recordAudit(tx, { actor, action: 'power.device.created', entity: 'power_device', entityId: row.id, after: { ...auditView(row), ...outlets } });
    return getPowerDevice(tx, deps, row.id);
  });
}

export function updatePowerDevice(db: DbOrTx, deps: PowerDeps, input: ParsedInputOf<Contract['power.devices.update']>, actor: string): PowerDevice {
  return db.transaction((tx) => {
    const { id, ...fields } = input;
    const before = requireDevice(tx, id);
    if (before.kind !== fields.kind) {
      throw new AppError('INVALID_INPUT', `"${before.name}" is a ${before.kind}; its kind cannot change. Add a new device instead.`, { kind: 'cannot change' });
    }
    const values = deviceValues(tx, deps, fields as DeviceInput, before);
    const after = tx
      .update(powerDevices)
      .set({ ...values, updatedAt: new Date().toISOString() })
      .where(eq(powerDevices.id, id))
      .returning()
      .get();
    numberManualOutlets(tx, id, fields as DeviceInput);
    const secretsChanged = before.secretEnc !== after.secretEnc && fields.kind === 'pdu' && Object.keys(fields.secrets).length > 0;
    recordAudit(tx, {
      actor,
      action: 'power.device.updated',
      entity: 'power_device',
      entityId: id,
      before: auditView(before),
      after: { ...auditView(after), ...(secretsChanged ? { secretsChanged: true } : {}) },
    });
    return getPowerDevice(tx, deps, id);
  });
}

/** Removes the device; its outlets, counters, readings and events go with it (the schema cascades). */
export function deletePowerDevice(db: DbOrTx, id: number, actor: string): { id: number } {
  return db.transaction((tx) => {
    const before = requireDevice(tx, id);
    const meters = tx.select({ name: powerDevices.name }).from(powerDevices).where(eq(powerDevices.meteredDeviceId, id)).all();
    if (meters.length) {
      throw new AppError('CONFLICT', `Meter ${meters.map((m) => `"${m.name}"`).join(', ')} measures "${before.name}". Change or delete that meter first.`);
    }
    const metering = tx.all<{ reference: string }>(
      sql`SELECT coalesce(c.number, c.draft_reference) AS reference FROM contract_metering_devices m JOIN contracts c ON c.id = m.contract_id WHERE m.device_id = ${id}`,
    );
    if (metering.length) {
      throw new AppError(
        'CONFLICT',
        `"${before.name}" measures contract ${metering.map((c) => c.reference).join(', ')}. Take it off ${metering.length === 1 ? 'that contract' : 'those contracts'} first, or disable it instead.`,
      );
    }
    const outlets =
      tx
        .select({ n: sql<number>`count(*)` })
        .from(powerOutlets)
        .where(eq(powerOutlets.deviceId, id))
        .get()?.n ?? 0;
    // Energy on record and who was plugged in where are billing history: kept, never deleted with the device.
    const history = tx.get<{ hours: number; assignments: number }>(sql`SELECT
        (SELECT count(*) FROM energy_hourly h JOIN energy_counters c ON c.id = h.counter_id WHERE c.device_id = ${id}) AS hours,
        (SELECT count(*) FROM outlet_assignments a JOIN power_outlets o ON o.id = a.outlet_id WHERE o.device_id = ${id}) AS assignments`);
    if (history && (history.hours > 0 || history.assignments > 0)) {
      const kept = [
        history.hours > 0 ? `${history.hours} hour${history.hours === 1 ? '' : 's'} of energy` : null,
        history.assignments > 0 ? `${history.assignments} outlet assignment${history.assignments === 1 ? '' : 's'}` : null,
      ].filter((part) => part !== null);
      throw new AppError(
        'CONFLICT',
        `"${before.name}" has ${kept.join(' and ')} on record, which billing and miner histories rely on. Disable it instead: it stops being polled and its history stays.`,
      );
    }
    tx.delete(powerDevices).where(eq(powerDevices.id, id)).run();
    recordAudit(tx, { actor, action: 'power.device.deleted', entity: 'power_device', entityId: id, before: { ...auditView(before), outlets } });
    return { id };
  });
}

/**
 * The form as typed, as a device row that is not stored: checked like a save (profile, SNMP secrets; the
 * stored secrets of `id` fill what is left out), for "Test connection" before saving.
 */
export function draftDevice(db: DbOrTx, deps: PowerDeps, input: DeviceInput, id: number | undefined): DeviceRow {
  const before = id === undefined ? null : requireDevice(db, id);
  const now = new Date().toISOString();
  return {
    ...deviceValues(db, deps, input, before),
    id: id ?? 0,
    state: 'unknown',
    stateMessage: null,
    lastPolledAt: null,
    lastOkAt: null,
    powerW: null,
    createdAt: now,
    updatedAt: now,
  };
}

/** Why a manual device is not read over the network: said the same way by test, poll and the poller. */
export const manualDeviceRefusal = (name: string) =>
  new AppError('INVALID_INPUT', `"${name}" is a manual device: it is read by hand, not over the network. Import its readings instead.`);

/** How to read the device now: its profile, settings and opened secrets (kept in memory for this read only). */
export function deviceTarget(db: DbOrTx, deps: PowerDeps, row: DeviceRow): PowerDeviceTarget {
  if (row.kind === 'manual' || row.host === null || row.port === null) throw manualDeviceRefusal(row.name);
  let definition: PduProfile | MeterProfile;
  if (row.builtinProfile !== null) {
    const shipped = deps.builtIns.get(row.builtinProfile);
    if (!shipped)
      throw new AppError(
        'INVALID_INPUT',
        `"${row.name}" uses the built-in profile "${row.builtinProfile}", which this version does not ship. Choose another profile.`,
      );
    definition = shipped.definition;
  } else {
    const custom = requireCustomProfile(db, row.customProfileId!);
    definition = parseDefinition(custom.kind, custom.definitionJson);
  }
  const settings: unknown = JSON.parse(row.settingsJson);
  if (row.kind === 'pdu') {
    const secrets = row.secretEnc ? (JSON.parse(deps.secrets.open(row.secretEnc)) as SnmpSecrets) : {};
    return { kind: 'pdu', host: row.host, port: row.port, profile: definition as PduProfile, snmp: snmpSettingsSchema.parse(settings), secrets };
  }
  return { kind: 'meter', host: row.host, port: row.port, profile: definition as MeterProfile, modbus: modbusSettingsSchema.parse(settings) };
}
