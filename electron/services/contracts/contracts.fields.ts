import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { clientDocuments, powerDevices, type contracts } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { EnergyRateSource } from '../../contract/contracts';
import {
  contractTermLabels,
  contractTypeLabels,
  defaultNetDays,
  defaultNoticeDays,
  energyBillingMethods,
  typesWithBillingMethod,
  type BillingMethod,
  type ContractType,
} from '../../contract/contracts.vocab';
import type { ParsedInputOf } from '../../contract/define';
import { AppError } from '../../contract/errors';
import { currencyDecimals } from '../../contract/money';
import { requireOpenClient, type ClientRow } from '../clients/clients.guards';
import { currentClientPrice, effectiveCurrency } from '../clients/clients.pricing';
import { readSettingsRow } from '../settings/settings.service';
import { siteZone } from './contracts.guards';
import { describeInstant, localDateOf, localDaysBefore, localMidnight, readInstant, termEnd } from './contracts.terms';
import { maxRateMicroPerKwh, moneyToMinor, rateToMicro, toThousandths } from './contracts.values';

export type ContractForm = ParsedInputOf<Contract['contracts.create']>;

/** The stored columns a form decides (everything but identity, status and lifecycle instants). */
export type ContractFieldValues = Pick<
  typeof contracts.$inferInsert,
  | 'type'
  | 'clientId'
  | 'siteId'
  | 'term'
  | 'startsAt'
  | 'endsAt'
  | 'termAnchorAt'
  | 'termsFromAnchor'
  | 'noticeBy'
  | 'billingMethod'
  | 'energyRateMicroPerKwh'
  | 'energyRateSource'
  | 'fixedMonthlyFeeMinor'
  | 'hostingFeeMinorPerMinerMonth'
  | 'priceMicroPerThsDay'
  | 'contractedGhs'
  | 'powerCapW'
  | 'currency'
  | 'depositMinor'
  | 'netDays'
  | 'notes'
  | 'autoRenew'
  | 'noticeDays'
  | 'signedDocumentId'
>;

/** Collects one sentence per field, then refuses them all at once so the form can mark each field. */
export class FieldProblems {
  private readonly fields: Record<string, string> = {};
  private readonly sentences: string[] = [];

  add(field: string, sentence: string, short = sentence): void {
    if (this.fields[field]) return;
    this.fields[field] = short;
    this.sentences.push(sentence);
  }

  throwIfAny(): void {
    if (this.sentences.length) throw new AppError('INVALID_INPUT', this.sentences.join(' '), this.fields);
  }
}

/** The rate per kWh in force on a local date: the client's pricing, else the organisation's. */
export function pricedEnergyRate(db: DbOrTx, client: ClientRow, date: string): { micro: number; source: 'client' | 'organisation' } {
  const price = currentClientPrice(db, client, date);
  if (price?.energyRateMicroPerKwh != null) return { micro: price.energyRateMicroPerKwh, source: 'client' };
  return { micro: readSettingsRow(db).energyRateMicroPerKwh, source: 'organisation' };
}

type Parsed = { problems: FieldProblems; currency: string; type: ContractType };

function money(p: Parsed, field: string, label: string, text: string | null | undefined): number | null {
  if (text == null) return null;
  const minor = moneyToMinor(text, p.currency);
  if (minor === null) {
    const decimals = currencyDecimals(p.currency);
    p.problems.add(
      field,
      `The ${label} ${text} has more decimals than ${p.currency} allows (${decimals}).`,
      `must have at most ${decimals} decimals in ${p.currency}`,
    );
  }
  return minor;
}

function notForType(p: Parsed, field: string, label: string, given: unknown): void {
  if (given != null)
    p.problems.add(
      field,
      `${contractTypeLabels[p.type]} contracts take no ${label}: leave it empty.`,
      `is not used by ${contractTypeLabels[p.type]} contracts`,
    );
}

/** The dates: start (default today 00:00 in the site's zone), and the term's own end unless the term is custom. */
function readDates(p: FieldProblems, form: ContractForm, zone: string, now: Date) {
  let startsAt = localMidnight(now, zone);
  if (form.startsAt !== undefined) {
    const read = readInstant(form.startsAt, zone);
    if (read.ok) startsAt = read.iso;
    else p.add('startsAt', `Start: ${read.message}`, read.message);
  }
  const byTerm = termEnd(form.term, startsAt, 0, zone);
  let endsAt = byTerm;
  if (form.endsAt !== undefined) {
    const read = readInstant(form.endsAt, zone);
    if (!read.ok) p.add('endsAt', `End: ${read.message}`, read.message);
    else if (byTerm !== null && read.iso !== byTerm) {
      p.add(
        'endsAt',
        `A ${contractTermLabels[form.term].toLowerCase()} term from ${describeInstant(startsAt, zone)} ends on ${describeInstant(byTerm, zone)}, not ${describeInstant(read.iso, zone)}. Choose the Custom term to set another end.`,
        'does not match the term',
      );
    } else endsAt = read.iso;
  } else if (byTerm === null) p.add('endsAt', 'A custom term needs an end date.', 'is required for a custom term');
  if (endsAt !== null && endsAt <= startsAt) {
    p.add('endsAt', `The end (${describeInstant(endsAt, zone)}) must be after the start (${describeInstant(startsAt, zone)}).`, 'must be after the start');
  }
  return { startsAt, endsAt: endsAt ?? startsAt };
}

function readBilling(p: Parsed, db: DbOrTx, form: ContractForm, client: ClientRow, startDate: string) {
  let billingMethod: BillingMethod | null = null;
  if (typesWithBillingMethod.includes(p.type)) billingMethod = form.billingMethod ?? (p.type === 'hosted' ? 'metered' : 'fixed');
  else notForType(p, 'billingMethod', 'billing method', form.billingMethod);

  let energyRateMicroPerKwh: number | null = null;
  let energyRateSource: EnergyRateSource | null = null;
  if (billingMethod !== null && energyBillingMethods.includes(billingMethod)) {
    if (form.energyRatePerKwh != null) {
      energyRateMicroPerKwh = rateToMicro(form.energyRatePerKwh);
      energyRateSource = 'contract';
      if (energyRateMicroPerKwh !== null && energyRateMicroPerKwh > maxRateMicroPerKwh) {
        p.problems.add('energyRatePerKwh', `The rate ${form.energyRatePerKwh} per kWh is above 100: check the figure.`, 'must be at most 100');
      }
    } else {
      const priced = pricedEnergyRate(db, client, startDate);
      [energyRateMicroPerKwh, energyRateSource] = [priced.micro, priced.source];
      if (priced.micro <= 0) {
        p.problems.add(
          'energyRatePerKwh',
          `No rate per kWh is set for this client on ${startDate} nor for the organisation: type the contract's rate.`,
          'is required: no client or organisation rate is set',
        );
      }
    }
  } else if (billingMethod === 'fixed' && form.energyRatePerKwh != null) {
    p.problems.add('energyRatePerKwh', 'A fixed-fee contract bills no energy: leave the rate per kWh empty.', 'is not used with a fixed fee');
  } else if (billingMethod === null) notForType(p, 'energyRatePerKwh', 'rate per kWh', form.energyRatePerKwh);

  let fixedMonthlyFeeMinor = money(p, 'fixedMonthlyFee', 'monthly fee', form.fixedMonthlyFee);
  let hostingFeeMinorPerMinerMonth = money(p, 'hostingFeePerMinerMonth', 'fee per miner', form.hostingFeePerMinerMonth);
  if (p.type === 'infinity') {
    notForType(p, 'fixedMonthlyFee', 'monthly fee', form.fixedMonthlyFee);
    notForType(p, 'hostingFeePerMinerMonth', 'fee per miner', form.hostingFeePerMinerMonth);
    [fixedMonthlyFeeMinor, hostingFeeMinorPerMinerMonth] = [null, null];
  }
  if (billingMethod === 'fixed' && form.fixedMonthlyFee == null && form.hostingFeePerMinerMonth == null) {
    hostingFeeMinorPerMinerMonth = currentClientPrice(db, client, startDate)?.hostingFeeMinorPerMinerMonth ?? null;
    if (hostingFeeMinorPerMinerMonth === null) {
      p.problems.add('fixedMonthlyFee', 'A fixed-fee contract needs a monthly fee, a fee per miner, or both.', 'is required (or a fee per miner)');
    }
  }
  if (p.type === 'om' && form.fixedMonthlyFee == null) p.problems.add('fixedMonthlyFee', 'An O&M contract needs its monthly fee.', 'is required');

  let priceMicroPerThsDay: number | null = null;
  let contractedGhs: number | null = null;
  if (p.type === 'infinity') {
    if (form.pricePerThsDay == null) p.problems.add('pricePerThsDay', 'An Infinity contract needs its price per TH/s per day.', 'is required');
    else priceMicroPerThsDay = rateToMicro(form.pricePerThsDay);
    if (form.contractedThs == null) p.problems.add('contractedThs', 'An Infinity contract needs the TH/s the client buys.', 'is required');
    else contractedGhs = toThousandths(form.contractedThs);
  } else {
    notForType(p, 'pricePerThsDay', 'price per TH/s-day', form.pricePerThsDay);
    notForType(p, 'contractedThs', 'contracted TH/s', form.contractedThs);
  }
  return { billingMethod, energyRateMicroPerKwh, energyRateSource, fixedMonthlyFeeMinor, hostingFeeMinorPerMinerMonth, priceMicroPerThsDay, contractedGhs };
}

/** Metering devices must exist and sit at the contract's site. */
export function checkMeteringDevices(db: DbOrTx, problems: FieldProblems, ids: readonly number[], siteId: number): void {
  if (!ids.length) return;
  const found = db
    .select({ id: powerDevices.id, name: powerDevices.name, siteId: powerDevices.siteId })
    .from(powerDevices)
    .where(inArray(powerDevices.id, [...ids]))
    .all();
  const missing = ids.filter((id) => !found.some((d) => d.id === id));
  if (missing.length)
    problems.add('meteringDeviceIds', `PDU or meter #${missing[0]} was not found. Refresh the devices and choose again.`, 'names a device that does not exist');
  const elsewhere = found.find((d) => d.siteId !== siteId);
  if (elsewhere)
    problems.add(
      'meteringDeviceIds',
      `"${elsewhere.name}" is at another site: a contract is measured by devices at its own site.`,
      'names a device at another site',
    );
}

/** The signed PDF must be one of the client's own documents, and a PDF. */
export function checkSignedDocument(db: DbOrTx, problems: FieldProblems, documentId: number | null | undefined, clientId: number): void {
  if (documentId == null) return;
  const doc = db
    .select({ clientId: clientDocuments.clientId, fileName: clientDocuments.fileName, mime: clientDocuments.mime })
    .from(clientDocuments)
    .where(eq(clientDocuments.id, documentId))
    .get();
  if (!doc || doc.clientId !== clientId)
    problems.add(
      'signedDocumentId',
      `Document #${documentId} is not among this client's documents. Upload the signed PDF to the client first.`,
      "is not one of the client's documents",
    );
  else if (doc.mime !== 'application/pdf')
    problems.add('signedDocumentId', `"${doc.fileName}" is not a PDF: attach the signed contract as a PDF.`, 'must be a PDF');
}

/**
 * Checks a whole form and turns it into stored values, or refuses with one sentence per wrong field and
 * nothing saved. Omitted fields take the defaults: start today 00:00 (site zone), the term's end, the rate
 * in force on the start date (client's pricing, else the organisation's), 60 days' notice, net 30.
 */
export function normalizeContractForm(db: DbOrTx, form: ContractForm, now: Date): { values: ContractFieldValues; meteringDeviceIds: number[] } {
  const client = requireOpenClient(db, form.clientId);
  const zone = siteZone(db, form.siteId);
  const parsed: Parsed = { problems: new FieldProblems(), currency: effectiveCurrency(db, client), type: form.type };
  const { startsAt, endsAt } = readDates(parsed.problems, form, zone, now);
  const billing = readBilling(parsed, db, form, client, localDateOf(startsAt, zone));
  if (form.type === 'infinity') notForType(parsed, 'powerCapKw', 'power cap', form.powerCapKw);
  const meteringDeviceIds = [...new Set(form.meteringDeviceIds ?? [])];
  if (form.type === 'infinity' && meteringDeviceIds.length) notForType(parsed, 'meteringDeviceIds', 'metering devices', meteringDeviceIds);
  else checkMeteringDevices(db, parsed.problems, meteringDeviceIds, form.siteId);
  checkSignedDocument(db, parsed.problems, form.signedDocumentId, client.id);
  const depositMinor = money(parsed, 'depositAmount', 'deposit', form.depositAmount);
  parsed.problems.throwIfAny();
  const noticeDays = form.noticeDays ?? defaultNoticeDays;
  return {
    meteringDeviceIds,
    values: {
      type: form.type,
      clientId: client.id,
      siteId: form.siteId,
      term: form.term,
      startsAt,
      endsAt,
      termAnchorAt: startsAt,
      termsFromAnchor: 0,
      ...billing,
      powerCapW: form.powerCapKw == null || form.type === 'infinity' ? null : toThousandths(form.powerCapKw),
      currency: parsed.currency,
      depositMinor,
      netDays: form.netDays ?? defaultNetDays,
      notes: form.notes ?? '',
      autoRenew: form.autoRenew ?? form.term === 'm2m',
      noticeDays,
      noticeBy: localDaysBefore(endsAt, noticeDays, zone),
      signedDocumentId: form.signedDocumentId ?? null,
    },
  };
}
