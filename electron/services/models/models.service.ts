import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { containsText } from '../../../db/text-search';
import { minerModels } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { ParsedInputOf } from '../../contract/define';
import { AppError } from '../../contract/errors';
import { efficiencyJPerTh, type MinerModel } from '../../contract/models';
import { formatDecimal, parseDecimal } from '../../contract/money';
import { recordAudit } from '../audit/record-audit';
import { requireById } from '../require-row';

type ModelRow = typeof minerModels.$inferSelect;
type ModelFields = Omit<ParsedInputOf<Contract['models.update']>, 'id'>;

const toMinerModel = (row: ModelRow): MinerModel => ({
  ...row,
  nominalHashrateThs: formatDecimal(row.nominalHashrateGhs, 3),
  efficiencyJPerTh: efficiencyJPerTh(row.nominalPowerW, row.nominalHashrateGhs),
});

/** The stored columns of the form: TH/s text becomes whole GH/s (the contract has checked it parses). */
const toColumns = ({ nominalHashrateThs, ...rest }: ModelFields) => ({ ...rest, nominalHashrateGhs: parseDecimal(nominalHashrateThs, 3) ?? 0 });

export function requireModel(db: DbOrTx, id: number): ModelRow {
  return requireById(db, minerModels, id, 'Miner model', 'It may have been removed; refresh the model catalogue.');
}

function assertModelFree(db: DbOrTx, fields: ModelFields, exceptId: number | null): void {
  const other = db
    .select({ id: minerModels.id, make: minerModels.make, model: minerModels.model })
    .from(minerModels)
    .where(sql`${minerModels.make} = ${fields.make} COLLATE NOCASE AND ${minerModels.model} = ${fields.model} COLLATE NOCASE`)
    .get();
  if (other && other.id !== exceptId) {
    throw new AppError('CONFLICT', `The catalogue already has ${other.make} ${other.model} (#${other.id}). Edit that model, or give this one another name.`, {
      model: 'is taken',
    });
  }
}

/** The catalogue by make then model; search matches make or model in any case. */
export function listModels(db: DbOrTx, input: ParsedInputOf<Contract['models.list']>): MinerModel[] {
  return db
    .select()
    .from(minerModels)
    .where(containsText(input.search, [minerModels.make, minerModels.model]))
    .orderBy(asc(sql`${minerModels.make} COLLATE NOCASE`), asc(sql`${minerModels.model} COLLATE NOCASE`))
    .all()
    .map(toMinerModel);
}

export function createModel(db: DbOrTx, input: ModelFields, actor: string): MinerModel {
  return db.transaction((tx) => {
    assertModelFree(tx, input, null);
    const now = new Date().toISOString();
    const row = tx
      .insert(minerModels)
      .values({ ...toColumns(input), createdAt: now, updatedAt: now })
      .returning()
      .get();
    recordAudit(tx, { actor, action: 'model.created', entity: 'miner_model', entityId: row.id, after: row });
    return toMinerModel(row);
  });
}

/** Corrects a catalogue entry; miners linked to it keep the link. */
export function updateModel(db: DbOrTx, input: ParsedInputOf<Contract['models.update']>, actor: string): MinerModel {
  return db.transaction((tx) => {
    const { id, ...fields } = input;
    const before = requireModel(tx, id);
    assertModelFree(tx, fields, id);
    const after = tx
      .update(minerModels)
      .set({ ...toColumns(fields), updatedAt: new Date().toISOString() })
      .where(eq(minerModels.id, id))
      .returning()
      .get();
    recordAudit(tx, { actor, action: 'model.updated', entity: 'miner_model', entityId: id, before, after });
    return toMinerModel(after);
  });
}
