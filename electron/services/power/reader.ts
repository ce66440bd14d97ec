import type { MeterProfile, ModbusSettings, PduProfile, SnmpSecrets, SnmpSettings } from '../../contract/power.profiles';
import type { OutletState } from '../../contract/power.vocab';
import type { LimitOptions } from '../discovery/transport/outcome';

/**
 * The seam between the protocol clients (SNMP, Modbus) and the power service: the service resolves a
 * device (profile, settings, opened secrets) into a target, and a reader turns it into one reading.
 */
export type PowerDeviceTarget =
  | { kind: 'pdu'; host: string; port: number; profile: PduProfile; snmp: SnmpSettings; secrets: SnmpSecrets }
  | { kind: 'meter'; host: string; port: number; profile: MeterProfile; modbus: ModbusSettings };

/** A counter as read: `raw` is the exact decimal text of the value before scaling; `wh` is raw × scale, rounded to whole Wh. */
export type CounterReading = { raw: string; wh: number; maxWh: number | null };

export type OutletReading = { index: number; name: string | null; state: OutletState; powerW: number | null; energy: CounterReading | null };

export type PowerReading = {
  powerW: number | null;
  energy: CounterReading | null;
  /** Empty for a meter. */
  outlets: OutletReading[];
  /** A meter's extra values by label (already scaled, decimal text). */
  extra: Record<string, string>;
  /** Parts of the reading that failed while the device answered, in plain words. */
  notes: string[];
};

/** unreachable: no answer (timeout, refused); error: it answered but not as the profile expects (wrong community, Modbus exception, missing OID). */
export type PowerReadResult = { ok: true; reading: PowerReading } | { ok: false; state: 'unreachable' | 'error'; message: string };

export type PowerReader = (target: PowerDeviceTarget, limits?: LimitOptions) => Promise<PowerReadResult>;
