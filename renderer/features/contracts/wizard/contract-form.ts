import type { Input } from '../../../../electron/contract';
import type { ContractDefaults, ContractDetail } from '../../../../electron/contract/contracts';
import {
  defaultNetDays,
  defaultNoticeDays,
  energyBillingMethods,
  typesWithBillingMethod,
  type BillingMethod,
  type ContractTerm,
  type ContractType,
} from '../../../../electron/contract/contracts.vocab';
import { localDateOf } from '../contract-format';

/**
 * Step 1 as the form holds it: money, rates and kW as the decimal text typed (never a float), dates as
 * the site-calendar dates of the date inputs. Field names are the API's, so its per-field reasons land
 * under the right input.
 */
export type ContractFormValues = {
  type: ContractType | null;
  clientId: number | null;
  siteId: number | null;
  term: ContractTerm;
  startsAt: string;
  /** The end typed by hand; used only with the Custom term (the override). */
  endsAt: string;
  billingMethod: BillingMethod;
  energyRatePerKwh: string;
  fixedMonthlyFee: string;
  hostingFeePerMinerMonth: string;
  pricePerThsDay: string;
  contractedThs: string;
  powerCapKw: string;
  meteringDeviceIds: string[];
  autoRenew: boolean;
  noticeDays: number | string;
  depositAmount: string;
  netDays: number | string;
  notes: string;
};

export const blankContractForm = (start: Partial<ContractFormValues> = {}): ContractFormValues => ({
  type: null,
  clientId: null,
  siteId: null,
  term: '1y',
  startsAt: '',
  endsAt: '',
  billingMethod: 'metered',
  energyRatePerKwh: '',
  fixedMonthlyFee: '',
  hostingFeePerMinerMonth: '',
  pricePerThsDay: '',
  contractedThs: '',
  powerCapKw: '',
  meteringDeviceIds: [],
  autoRenew: false,
  noticeDays: defaultNoticeDays,
  depositAmount: '',
  netDays: defaultNetDays,
  notes: '',
  ...start,
});

/** A saved contract back in the form, for editing its draft (or the few fields an active one may change). */
export function contractToForm(contract: ContractDetail): ContractFormValues {
  const zone = contract.timeZone;
  return {
    type: contract.type,
    clientId: contract.client.id,
    siteId: contract.site.id,
    term: contract.term,
    startsAt: localDateOf(contract.startsAt, zone),
    endsAt: contract.term === 'custom' ? localDateOf(contract.endsAt, zone) : '',
    billingMethod: contract.billingMethod ?? 'metered',
    energyRatePerKwh: contract.energyRatePerKwh ?? '',
    fixedMonthlyFee: contract.fixedMonthlyFee ?? '',
    hostingFeePerMinerMonth: contract.hostingFeePerMinerMonth ?? '',
    pricePerThsDay: contract.pricePerThsDay ?? '',
    contractedThs: contract.contractedThs ?? '',
    powerCapKw: contract.powerCapKw ?? '',
    meteringDeviceIds: contract.meteringDevices.map((d) => String(d.id)),
    autoRenew: contract.autoRenew,
    noticeDays: contract.noticeDays,
    depositAmount: contract.depositAmount ?? '',
    netDays: contract.netDays,
    notes: contract.notes,
  };
}

/** What the server pre-fills, put into the fields the user has not typed in yet. */
export function withDefaults(
  values: ContractFormValues,
  defaults: ContractDefaults,
  untouched: (field: keyof ContractFormValues) => boolean,
): Partial<ContractFormValues> {
  const change: Partial<ContractFormValues> = {};
  if (untouched('startsAt') || !values.startsAt) change.startsAt = localDateOf(defaults.startsAt, defaults.timeZone);
  if (untouched('energyRatePerKwh')) change.energyRatePerKwh = defaults.energyRatePerKwh;
  if (untouched('hostingFeePerMinerMonth')) change.hostingFeePerMinerMonth = defaults.hostingFeePerMinerMonth ?? '';
  if (untouched('noticeDays')) change.noticeDays = defaults.noticeDays;
  if (untouched('netDays')) change.netDays = defaults.netDays;
  return change;
}

/** Which groups of fields a type shows. */
export function fieldsOf(type: ContractType | null, billingMethod: BillingMethod) {
  const hasMethod = type !== null && typesWithBillingMethod.includes(type);
  return {
    billingMethod: hasMethod,
    energyRate: hasMethod && energyBillingMethods.includes(billingMethod),
    fixedMonthlyFee: type === 'om' || (hasMethod && billingMethod === 'fixed'),
    hostingFee: type === 'om' || hasMethod,
    infinity: type === 'infinity',
    powerCap: type !== 'infinity',
    metering: type !== 'infinity',
  };
}

/**
 * The fields each type cannot do without, marked before the first save so every empty one shows at once
 * (the service refuses the same and says so per field).
 */
export function missingFields(values: ContractFormValues): Record<string, string> {
  const show = fieldsOf(values.type, values.billingMethod);
  const missing: Record<string, string> = {};
  const need = (field: keyof ContractFormValues, when: boolean) => {
    if (when && String(values[field]).trim() === '') missing[field] = 'Is required';
  };
  need('energyRatePerKwh', show.energyRate);
  need('fixedMonthlyFee', values.type === 'om');
  need('contractedThs', show.infinity);
  need('pricePerThsDay', show.infinity);
  need('endsAt', values.term === 'custom');
  if (values.billingMethod === 'fixed' && show.billingMethod && !values.fixedMonthlyFee.trim() && !values.hostingFeePerMinerMonth.trim()) {
    missing.fixedMonthlyFee = 'Is required (or a fee per miner)';
  }
  return missing;
}

const text = (value: string) => (value.trim() === '' ? null : value.trim());
const days = (value: number | string) => (value === '' ? undefined : Number(value));

type ContractInput = Input<'contracts.create'>;

/**
 * The create (or update) input: only the fields the type uses, money and rates as the typed text. The
 * prefilled rate is left out when unchanged, so the server records where it came from (client or
 * organisation) rather than "typed on the contract"; a start left as it was is not re-sent (it may carry a time).
 */
export function formToInput(values: ContractFormValues, prefilled: { energyRatePerKwh: string | null; startsAt: string | null }): Partial<ContractInput> {
  const show = fieldsOf(values.type, values.billingMethod);
  const rate = text(values.energyRatePerKwh);
  return {
    ...(values.type && { type: values.type }),
    ...(values.clientId && { clientId: values.clientId }),
    ...(values.siteId && { siteId: values.siteId }),
    term: values.term,
    ...(values.startsAt && values.startsAt !== prefilled.startsAt && { startsAt: values.startsAt }),
    ...(values.term === 'custom' && { endsAt: values.endsAt }),
    billingMethod: show.billingMethod ? values.billingMethod : null,
    energyRatePerKwh: show.energyRate && rate !== prefilled.energyRatePerKwh ? rate : null,
    fixedMonthlyFee: show.fixedMonthlyFee ? text(values.fixedMonthlyFee) : null,
    hostingFeePerMinerMonth: show.hostingFee ? text(values.hostingFeePerMinerMonth) : null,
    pricePerThsDay: show.infinity ? text(values.pricePerThsDay) : null,
    contractedThs: show.infinity ? text(values.contractedThs) : null,
    powerCapKw: show.powerCap ? text(values.powerCapKw) : null,
    meteringDeviceIds: show.metering ? values.meteringDeviceIds.map(Number) : [],
    autoRenew: values.autoRenew,
    noticeDays: days(values.noticeDays),
    depositAmount: text(values.depositAmount),
    netDays: days(values.netDays),
    notes: values.notes,
  };
}
