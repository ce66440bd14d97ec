import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { contractEquipment, contractMeteringDevices, contracts } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { ContractDefaults, ContractDetail } from '../../contract/contracts';
import { contractTerms, contractTypeLabels, defaultNetDays, defaultNoticeDays } from '../../contract/contracts.vocab';
import type { ParsedInputOf } from '../../contract/define';
import { AppError } from '../../contract/errors';
import { recordAudit } from '../audit/record-audit';
import { requireOpenClient } from '../clients/clients.guards';
import { currentClientPrice, effectiveCurrency } from '../clients/clients.pricing';
import { newDraftReference } from './contracts.drafts';
import { recordContractChange } from './contracts.events';
import { pricedEnergyRate, type ContractForm, normalizeContractForm } from './contracts.fields';
import { contractLabel, requireContract, siteZone } from './contracts.guards';
import { getContractDetail, meteringDeviceIdsOf } from './contracts.read';
import { describeInstant, localDateOf, readInstant, localMidnight, termEnd } from './contracts.terms';
import { fromThousandths, microToRate, minorToMoney } from './contracts.values';
import { formChanges, updateActiveContract } from './contracts.update';

/** What the wizard fills in for a client and site before the first save. */
export function contractDefaults(db: DbOrTx, input: ParsedInputOf<Contract['contracts.defaults']>, now = new Date()): ContractDefaults {
  const client = requireOpenClient(db, input.clientId);
  const timeZone = siteZone(db, input.siteId);
  let startsAt = localMidnight(now, timeZone);
  if (input.startsAt !== undefined) {
    const read = readInstant(input.startsAt, timeZone);
    if (!read.ok) throw new AppError('INVALID_INPUT', read.message, { startsAt: read.message });
    startsAt = read.iso;
  }
  const startDate = localDateOf(startsAt, timeZone);
  const rate = pricedEnergyRate(db, client, startDate);
  const currency = effectiveCurrency(db, client);
  const fee = currentClientPrice(db, client, startDate)?.hostingFeeMinorPerMinerMonth ?? null;
  return {
    currency,
    timeZone,
    startsAt,
    endsByTerm: Object.fromEntries(contractTerms.map((term) => [term, termEnd(term, startsAt, 0, timeZone)])) as ContractDefaults['endsByTerm'],
    energyRatePerKwh: microToRate(rate.micro)!,
    energyRateSource: rate.source,
    hostingFeePerMinerMonth: minorToMoney(fee, currency),
    noticeDays: defaultNoticeDays,
    netDays: defaultNetDays,
    autoRenew: false,
  };
}

function writeMeteringDevices(tx: DbOrTx, contractId: number, deviceIds: readonly number[]): void {
  tx.delete(contractMeteringDevices).where(eq(contractMeteringDevices.contractId, contractId)).run();
  if (deviceIds.length)
    tx.insert(contractMeteringDevices)
      .values(deviceIds.map((deviceId) => ({ contractId, deviceId })))
      .run();
}

/** Saves a draft with a temporary reference; the wizard's "Next: assign equipment". */
export function createContract(db: DbOrTx, input: ContractForm, actor: string, now = new Date()): ContractDetail {
  return db.transaction((tx) => {
    const { values, meteringDeviceIds } = normalizeContractForm(tx, input, now);
    const at = now.toISOString();
    const row = tx
      .insert(contracts)
      .values({ ...values, draftReference: newDraftReference(tx), status: 'draft', createdAt: at, updatedAt: at })
      .returning()
      .get();
    writeMeteringDevices(tx, row.id, meteringDeviceIds);
    const zone = siteZone(tx, row.siteId);
    recordContractChange(tx, {
      actor,
      kind: 'created',
      at,
      contract: row,
      message: `Draft ${row.draftReference} created: ${contractTypeLabels[row.type]}, ${describeInstant(row.startsAt, zone)} to ${describeInstant(row.endsAt, zone)}.`,
      after: { ...row, meteringDeviceIds },
    });
    return getContractDetail(tx, row.id, now);
  });
}

/** The stored draft as a form, for an update that changes only some fields. Prices taken from pricing are looked up again. */
function formOfDraft(db: DbOrTx, row: typeof contracts.$inferSelect, typeChanges: boolean): ContractForm {
  const kept = <T>(value: T) => (typeChanges ? undefined : value);
  return {
    type: row.type,
    clientId: row.clientId,
    siteId: row.siteId,
    term: row.term,
    startsAt: row.startsAt,
    endsAt: row.term === 'custom' ? row.endsAt : undefined,
    billingMethod: kept(row.billingMethod),
    energyRatePerKwh: row.energyRateSource === 'contract' ? kept(microToRate(row.energyRateMicroPerKwh)) : undefined,
    fixedMonthlyFee: kept(minorToMoney(row.fixedMonthlyFeeMinor, row.currency)),
    hostingFeePerMinerMonth: kept(minorToMoney(row.hostingFeeMinorPerMinerMonth, row.currency)),
    pricePerThsDay: kept(microToRate(row.priceMicroPerThsDay)),
    contractedThs: kept(fromThousandths(row.contractedGhs)),
    powerCapKw: kept(fromThousandths(row.powerCapW)),
    meteringDeviceIds: kept(meteringDeviceIdsOf(db, row.id)),
    autoRenew: row.autoRenew,
    noticeDays: row.noticeDays,
    depositAmount: minorToMoney(row.depositMinor, row.currency),
    netDays: row.netDays,
    notes: row.notes,
    signedDocumentId: row.signedDocumentId,
  };
}

const defined = <T extends object>(input: T): Partial<T> => Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * Changes the given fields. A draft may change anything (but not its type or client while it holds
 * equipment); one in force only what does not reprice or redate it; a closed one only its notes and document.
 */
export function updateContract(db: DbOrTx, input: ParsedInputOf<Contract['contracts.update']>, actor: string, now = new Date()): ContractDetail {
  return db.transaction((tx) => {
    const { id, ...given } = input;
    const row = requireContract(tx, id);
    if (row.status !== 'draft') {
      updateActiveContract(tx, row, defined(given), actor, now);
      return getContractDetail(tx, id, now);
    }
    const typeChanges = given.type !== undefined && given.type !== row.type;
    const clientChanges = given.clientId !== undefined && given.clientId !== row.clientId;
    if ((typeChanges || clientChanges) && tx.select({ id: contractEquipment.id }).from(contractEquipment).where(eq(contractEquipment.contractId, id)).get()) {
      throw new AppError('CONFLICT', `Take the equipment off ${contractLabel(row)} before changing its ${typeChanges ? 'type' : 'client'}.`);
    }
    const form = { ...formOfDraft(tx, row, typeChanges), ...defined(given) } as ContractForm;
    const { values, meteringDeviceIds } = normalizeContractForm(tx, form, now);
    const changes = formChanges(row, values);
    const updated = tx
      .update(contracts)
      .set({ ...values, updatedAt: now.toISOString() })
      .where(eq(contracts.id, id))
      .returning()
      .get();
    if (values.startsAt !== row.startsAt) tx.update(contractEquipment).set({ fromAt: values.startsAt }).where(eq(contractEquipment.contractId, id)).run();
    writeMeteringDevices(tx, id, meteringDeviceIds);
    if (changes.length) {
      recordContractChange(tx, {
        actor,
        kind: 'updated',
        at: now.toISOString(),
        contract: updated,
        message: `Changed ${changes.join(', ')}.`,
        before: row,
        after: updated,
      });
    }
    return getContractDetail(tx, id, now);
  });
}

/** A draft never activated is removed with its equipment plan and timeline; the audit log keeps the record. */
export function deleteDraft(db: DbOrTx, id: number, actor: string): { id: number } {
  return db.transaction((tx) => {
    const row = requireContract(tx, id);
    if (row.status !== 'draft') {
      throw new AppError('CONFLICT', `${contractLabel(row)} was activated and is kept for the record. Terminate it instead.`);
    }
    recordAudit(tx, { actor, action: 'contract.draft_deleted', entity: 'contract', entityId: id, clientId: row.clientId, before: row });
    tx.delete(contracts).where(eq(contracts.id, id)).run();
    return { id };
  });
}
