import { z } from 'zod';
import { parseDecimal } from './money';
import { snmpVersions } from './power.vocab';

/**
 * How to read a PDU or a meter: the definitions behind the built-in profiles (services/power/profiles) and
 * the ones staff write in the profile editor. Scales are decimal text ("0.1", "1000") multiplied exactly,
 * never through a float: a reading is raw × scale in the unit the field names (W or Wh).
 */

/** A positive multiplier of up to six decimals, e.g. "0.1" (tenths) or "100" (a counter in 0.1 kWh to Wh). */
export const scaleSchema = z
  .string({ error: 'must be a number written as text, like 0.1 or 1000' })
  .trim()
  .refine((text) => {
    const value = parseDecimal(text, 6);
    return value !== null && value > 0;
  }, 'must be a positive number of at most six decimals, like 0.1 or 1000');

/** A numeric OID, dotted, with `{outlet}` standing for the outlet number where the MIB puts it. */
export const oidTemplateSchema = z
  .string({ error: 'must be an OID written as text' })
  .trim()
  .regex(/^\.?\d+(\.(\d+|\{outlet\}))+$/, 'must be a numeric OID like 1.3.6.1.4.1.318.1.1.26.9.4.3.1.7.{outlet}, with {outlet} where the outlet number goes');

/** A device total's OID, with `{inlet}` where the inlet number goes when the PDU's total is the sum of its inlets. */
const totalOidTemplateSchema = z
  .string({ error: 'must be an OID written as text' })
  .trim()
  .regex(
    /^\.?\d+(\.(\d+|\{inlet\}))+$/,
    'must be a numeric OID like 1.3.6.1.4.1.13742.6.5.2.3.1.4.1.{inlet}.5, with {inlet} where the inlet number goes (if anywhere)',
  );

const scaledOid = z.object({ oid: oidTemplateSchema, scale: scaleSchema });
const bitsSchema = z
  .union([z.literal(32), z.literal(64)])
  .nullable()
  .default(null);
/** An energy counter: `bits` is the counter's width when it wraps (32 for a Counter32/Gauge32), null when it does not. */
const counterOid = scaledOid.extend({ bits: bitsSchema });
const totalScaledOid = z.object({ oid: totalOidTemplateSchema, scale: scaleSchema });
const totalCounterOid = totalScaledOid.extend({ bits: bitsSchema });
const hasInlet = (oid: string | undefined) => oid?.includes('{inlet}') ?? false;

export const pduProfileSchema = z.object({
  /** A scalar OID holding the number of outlets (e.g. APC rPDU2DeviceStatusOutletCount… or a MIB's outlet count). */
  outletCountOid: oidTemplateSchema,
  outlet: z.object({
    name: z.object({ oid: oidTemplateSchema }).nullable().default(null),
    powerW: scaledOid.nullable().default(null),
    energyWh: counterOid.nullable().default(null),
    /** The integer values that mean on and off; anything else reads as unknown. */
    state: z
      .object({ oid: oidTemplateSchema, on: z.array(z.number().int()).min(1), off: z.array(z.number().int()).min(1) })
      .nullable()
      .default(null),
  }),
  /**
   * The device's own power and energy. With `inletCountOid`, the total OIDs carry `{inlet}` and the total is the
   * sum over inlets 1..count (a multi-inlet PDU); each inlet's energy counter wraps on its own at `bits`.
   */
  total: z
    .object({
      inletCountOid: oidTemplateSchema.nullable().default(null),
      powerW: totalScaledOid.nullable().default(null),
      energyWh: totalCounterOid.nullable().default(null),
    })
    .refine((total) => total.inletCountOid !== null || (!hasInlet(total.powerW?.oid) && !hasInlet(total.energyWh?.oid)), {
      message: 'uses {inlet} but has no inlet count OID (total.inletCountOid) to say how many inlets to add up',
      path: ['inletCountOid'],
    }),
});
export type PduProfile = z.infer<typeof pduProfileSchema>;

export const registerTypes = ['uint16', 'int16', 'uint32', 'int32', 'float32', 'uint64', 'int64', 'float64'] as const;
export type RegisterType = (typeof registerTypes)[number];

/** One value in a meter's register map. `address` is as the meter's manual writes it, read with the profile's `addressing`. */
export const registerSchema = z.object({
  function: z.union([z.literal(3), z.literal(4)], { error: 'must be 3 (holding registers) or 4 (input registers)' }),
  address: z.number({ error: 'must be a register number' }).int().min(0).max(65535, 'must be at most 65535'),
  type: z.enum(registerTypes, { error: `must be one of ${registerTypes.join(', ')}` }),
  /** Which 16-bit word comes first for 32- and 64-bit values: high word first ("big") or low word first ("little"). */
  wordOrder: z.enum(['big', 'little'], { error: 'must be big (high word first) or little (low word first)' }).default('big'),
  scale: scaleSchema,
});
export type RegisterDefinition = z.infer<typeof registerSchema>;

export const meterProfileSchema = z.object({
  /** 0 when the manual's addresses are sent as written; 1 when they count from 1 (e.g. 30001-style), so 1 is subtracted. */
  addressing: z.union([z.literal(0), z.literal(1)]),
  powerW: registerSchema.nullable().default(null),
  energyWh: registerSchema
    .extend({
      bits: z
        .union([z.literal(32), z.literal(64)])
        .nullable()
        .default(null),
    })
    .nullable()
    .default(null),
  /** Other values shown with the meter (voltage per phase, frequency…), by label. */
  extra: z.record(z.string().trim().min(1).max(40), registerSchema).default({}),
});
export type MeterProfile = z.infer<typeof meterProfileSchema>;

/** What is not secret about reaching a device; secrets travel only into the service and are sealed there. */
export const snmpSettingsSchema = z.object({
  version: z.enum(snmpVersions, { error: 'must be 1, 2c or 3' }),
  /** v3 only */
  user: z.string().trim().max(64).optional(),
  securityLevel: z.enum(['noAuthNoPriv', 'authNoPriv', 'authPriv']).optional(),
  authProtocol: z.enum(['md5', 'sha', 'sha224', 'sha256', 'sha384', 'sha512']).optional(),
  privProtocol: z.enum(['des', 'aes', 'aes256b', 'aes256r']).optional(),
});
export type SnmpSettings = z.infer<typeof snmpSettingsSchema>;

/** Secrets of a PDU: the community (v1/v2c) or the v3 passphrases. */
export type SnmpSecrets = { community?: string; authKey?: string; privKey?: string };

export const modbusSettingsSchema = z.object({
  unitId: z.number({ error: 'must be a unit id' }).int().min(0).max(255, 'must be 0 to 255').default(1),
});
export type ModbusSettings = z.infer<typeof modbusSettingsSchema>;
