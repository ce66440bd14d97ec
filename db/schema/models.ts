import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { coolingKinds } from '../../electron/contract/models';

/** The model catalogue: nominal figures per make and model. Efficiency (J/TH) is derived, never stored. */
export const minerModels = sqliteTable(
  'miner_models',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    make: text('make').notNull(),
    model: text('model').notNull(),
    nominalHashrateGhs: integer('nominal_hashrate_ghs').notNull(), // GH/s = milli-TH/s, so a Bitaxe's 0.6 TH/s stays whole
    nominalPowerW: integer('nominal_power_w').notNull(),
    algorithm: text('algorithm').notNull().default('SHA-256'),
    cooling: text('cooling', { enum: coolingKinds }).notNull().default('air'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('miner_models_make_model_idx').on(sql`${t.make} COLLATE NOCASE`, sql`${t.model} COLLATE NOCASE`),
    check('miner_models_figures_check', sql`${t.nominalHashrateGhs} > 0 AND ${t.nominalPowerW} > 0`),
  ],
);
