import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { contractMeteringDevices, contracts } from '../../../db/schema';
import { AppError } from '../../contract/errors';
import { checkMeteringDevices, checkSignedDocument, FieldProblems, type ContractFieldValues, type ContractForm } from './contracts.fields';
import { recordContractChange } from './contracts.events';
import { contractLabel, siteZone, type ContractRow } from './contracts.guards';
import { meteringDeviceIdsOf } from './contracts.read';
import { settleContract } from './contracts.renewal';
import { localDaysBefore, readInstant } from './contracts.terms';
import { moneyToMinor, rateToMicro, toThousandths } from './contracts.values';

const fieldLabels: Partial<Record<keyof ContractFieldValues, string>> = {
  type: 'type',
  clientId: 'client',
  siteId: 'site',
  term: 'term',
  startsAt: 'start',
  endsAt: 'end',
  billingMethod: 'billing method',
  energyRateMicroPerKwh: 'rate per kWh',
  fixedMonthlyFeeMinor: 'monthly fee',
  hostingFeeMinorPerMinerMonth: 'fee per miner',
  priceMicroPerThsDay: 'price per TH/s-day',
  contractedGhs: 'contracted TH/s',
  powerCapW: 'power cap',
  depositMinor: 'deposit',
  netDays: 'payment terms',
  notes: 'notes',
  autoRenew: 'auto-renew',
  noticeDays: 'notice period',
  signedDocumentId: 'signed document',
};

/** The names of the fields whose stored value differs, for the timeline ("Changed start, rate per kWh"). */
export function formChanges(row: ContractRow, values: Partial<ContractFieldValues>): string[] {
  return (Object.keys(fieldLabels) as (keyof ContractFieldValues)[]).filter((key) => key in values && values[key] !== row[key]).map((key) => fieldLabels[key]!);
}

type Given = Partial<Omit<ContractForm, 'meteringDeviceIds'>> & { meteringDeviceIds?: number[] };

/** Whether a given field says what the contract already has (an unchanged whole form is fine on a contract in force). */
function sameAsStored(row: ContractRow, zone: string, meteringIds: number[]): Record<keyof Given, (value: never) => boolean> {
  const instant = (stored: string) => (text: string) => {
    const read = readInstant(text, zone);
    return read.ok && read.iso === stored;
  };
  const or =
    <T>(parse: (text: string) => T, stored: T) =>
    (text: string | null) =>
      text === null ? stored === null : parse(text) === stored;
  return {
    type: (v: string) => v === row.type,
    clientId: (v: number) => v === row.clientId,
    siteId: (v: number) => v === row.siteId,
    term: (v: string) => v === row.term,
    startsAt: instant(row.startsAt),
    endsAt: instant(row.endsAt),
    billingMethod: (v: string | null) => v === row.billingMethod,
    energyRatePerKwh: or(rateToMicro, row.energyRateMicroPerKwh),
    fixedMonthlyFee: or((t) => moneyToMinor(t, row.currency), row.fixedMonthlyFeeMinor),
    hostingFeePerMinerMonth: or((t) => moneyToMinor(t, row.currency), row.hostingFeeMinorPerMinerMonth),
    pricePerThsDay: or(rateToMicro, row.priceMicroPerThsDay),
    contractedThs: or(toThousandths, row.contractedGhs),
    powerCapKw: or(toThousandths, row.powerCapW),
    depositAmount: or((t) => moneyToMinor(t, row.currency), row.depositMinor),
    meteringDeviceIds: (v: number[]) => [...new Set(v)].sort().join() === [...meteringIds].sort().join(),
    autoRenew: (v: boolean) => v === row.autoRenew,
    noticeDays: (v: number) => v === row.noticeDays,
    netDays: (v: number) => v === row.netDays,
    notes: (v: string) => v === row.notes,
    signedDocumentId: (v: number | null) => v === row.signedDocumentId,
  } as Record<keyof Given, (value: never) => boolean>;
}

const inForceFields: readonly (keyof Given)[] = [
  'autoRenew',
  'noticeDays',
  'powerCapKw',
  'meteringDeviceIds',
  'depositAmount',
  'netDays',
  'notes',
  'signedDocumentId',
];
const closedFields: readonly (keyof Given)[] = ['notes', 'signedDocumentId'];

/**
 * A contract in force changes only what neither reprices nor redates it (its dates move by extend, renew
 * and terminate); a closed one only its notes and signed document. Fields sent unchanged are accepted.
 */
export function updateActiveContract(tx: DbOrTx, row: ContractRow, given: Given, actor: string, now: Date): void {
  const inForce = row.status === 'active' || row.status === 'expiring';
  const zone = siteZone(tx, row.siteId);
  const meteringIds = meteringDeviceIdsOf(tx, row.id);
  const same = sameAsStored(row, zone, meteringIds);
  const allowed = inForce ? inForceFields : closedFields;
  const refused = (Object.keys(given) as (keyof Given)[]).filter((key) => !allowed.includes(key) && !same[key](given[key] as never));
  if (refused.length) {
    const what = inForce
      ? 'its type, client, dates and prices are fixed: extend, renew or terminate it, or draw up a new contract'
      : 'only its notes and signed document can change';
    throw new AppError('CONFLICT', `${contractLabel(row)} is ${row.status}: ${what}.`, Object.fromEntries(refused.map((key) => [key, 'cannot change now'])));
  }
  const problems = new FieldProblems();
  const set: Partial<ContractFieldValues> = {};
  if (given.autoRenew !== undefined) set.autoRenew = given.autoRenew;
  if (given.noticeDays !== undefined) Object.assign(set, { noticeDays: given.noticeDays, noticeBy: localDaysBefore(row.endsAt, given.noticeDays, zone) });
  if (given.netDays !== undefined) set.netDays = given.netDays;
  if (given.notes !== undefined) set.notes = given.notes;
  if (given.powerCapKw !== undefined) {
    if (row.type === 'infinity' && given.powerCapKw !== null)
      problems.add('powerCapKw', 'Infinity contracts take no power cap: leave it empty.', 'is not used by Infinity contracts');
    set.powerCapW = given.powerCapKw === null ? null : toThousandths(given.powerCapKw);
  }
  if (given.depositAmount !== undefined) {
    set.depositMinor = given.depositAmount === null ? null : moneyToMinor(given.depositAmount, row.currency);
    if (given.depositAmount !== null && set.depositMinor === null)
      problems.add(
        'depositAmount',
        `The deposit ${given.depositAmount} has more decimals than ${row.currency} allows.`,
        `has too many decimals for ${row.currency}`,
      );
  }
  if (given.signedDocumentId !== undefined) {
    checkSignedDocument(tx, problems, given.signedDocumentId, row.clientId);
    set.signedDocumentId = given.signedDocumentId;
  }
  const devices = given.meteringDeviceIds === undefined ? null : [...new Set(given.meteringDeviceIds)];
  if (devices) checkMeteringDevices(tx, problems, devices, row.siteId);
  problems.throwIfAny();
  const changes = formChanges(row, set);
  const devicesChanged = devices !== null && !same.meteringDeviceIds(devices as never);
  if (!changes.length && !devicesChanged) return;
  const updated = tx
    .update(contracts)
    .set({ ...set, updatedAt: now.toISOString() })
    .where(eq(contracts.id, row.id))
    .returning()
    .get();
  if (devices && devicesChanged) {
    tx.delete(contractMeteringDevices).where(eq(contractMeteringDevices.contractId, row.id)).run();
    if (devices.length)
      tx.insert(contractMeteringDevices)
        .values(devices.map((deviceId) => ({ contractId: row.id, deviceId })))
        .run();
  }
  const labels = [...changes, ...(devicesChanged ? ['metering devices'] : [])];
  recordContractChange(tx, {
    actor,
    kind: 'updated',
    at: now.toISOString(),
    contract: updated,
    message: `Changed ${labels.join(', ')}.`,
    before: { ...row, meteringDeviceIds: meteringIds },
    after: { ...updated, meteringDeviceIds: devices ?? meteringIds },
  });
  settleContract(tx, updated, actor, now);
}
