import { z } from 'zod';
import { call } from './define';
import { idSchema, nameText } from './fields';
import { parseDecimal } from './money';

export const coolingKinds = ['air', 'hydro', 'immersion'] as const;
export type CoolingKind = (typeof coolingKinds)[number];

/** A catalogue entry: the nominal figures of one make and model. */
export type MinerModel = {
  id: number;
  make: string;
  model: string;
  /** Stored unit: GH/s (milli-TH/s), a whole number. */
  nominalHashrateGhs: number;
  /** The same figure as exact decimal text in TH/s, e.g. "0.6". */
  nominalHashrateThs: string;
  nominalPowerW: number;
  /** Derived from power and hashrate, see efficiencyJPerTh. */
  efficiencyJPerTh: number;
  algorithm: string;
  cooling: CoolingKind;
  createdAt: string;
  updatedAt: string;
};

/** J/TH = W ÷ TH/s = W × 1000 ÷ GH/s, from whole numbers, rounded half up to one decimal: the only rounding. */
export function efficiencyJPerTh(powerW: number, hashrateGhs: number): number {
  const tenths = Math.floor((powerW * 20_000 + hashrateGhs) / (2 * hashrateGhs));
  return tenths / 10;
}

/** TH/s typed by a person, at most three decimals ("0.6", "335"); the service stores it as GH/s. */
export const hashrateThsSchema = z
  .string({ error: 'must be a number written as text' })
  .trim()
  .refine((text) => {
    const ghs = parseDecimal(text, 3);
    return ghs !== null && ghs > 0 && ghs <= 10_000_000;
  }, 'must be a number of TH/s above 0 and at most 10000, with at most three decimals, like 0.6 or 200');

const modelFields = {
  make: nameText(60),
  model: nameText(80),
  nominalHashrateThs: hashrateThsSchema,
  nominalPowerW: z
    .number({ error: 'must be a number of watts' })
    .int('must be a whole number of watts')
    .min(1, 'must be at least 1 W')
    .max(100_000, 'must be at most 100000 W'),
  algorithm: nameText(40).default('SHA-256'),
  cooling: z.enum(coolingKinds, { error: 'must be one of air, hydro, immersion' }).default('air'),
};

export const modelCalls = {
  /** By make then model; search matches make or model, any case. */
  'models.list': call<MinerModel[]>()(z.object({ search: z.string().trim().max(100).default('') }).strict()),
  'models.create': call<MinerModel>()(z.object(modelFields).strict()),
  /** Replaces every field: send the whole form. */
  'models.update': call<MinerModel>()(z.object({ id: idSchema, ...modelFields }).strict()),
};
