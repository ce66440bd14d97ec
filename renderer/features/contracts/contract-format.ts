import type { BillingMethod, ContractStatus, ContractType } from '../../../electron/contract/contracts.vocab';
import { formatDate, formatDateTime } from '../../../electron/contract/dates';
import { currencyDecimals, formatMoney, parseDecimal } from '../../../electron/contract/money';

export const noValue = '—';

export const contractStatusColors: Record<ContractStatus, string> = {
  draft: 'gray',
  active: 'green',
  expiring: 'orange',
  renewed: 'blue',
  ended: 'dark',
  terminated: 'red',
};

const partsFormats = new Map<string, Intl.DateTimeFormat>();

/** The local calendar date and wall clock of an instant in `timeZone`. */
function localParts(iso: string, timeZone: string) {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    partsFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The site-calendar date of an instant, "2026-03-17": what a date input holds. */
export const localDateOf = (iso: string, timeZone: string) => localParts(iso, timeZone).date;

/** The site's wall clock at an instant, "2026-06-10T12:00": what a date-time input holds. */
export function localDateTimeOf(iso: string, timeZone: string): string {
  const { date, time } = localParts(iso, timeZone);
  return `${date}T${time}`;
}

/**
 * An instant as people read it at the site, in the one date format of the app: "1 Jan 2026" at local
 * midnight (a contract's start or end day), else "15 Nov 2026, 12:00".
 */
export function instantText(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return noValue;
  return localParts(iso, timeZone).time === '00:00' ? formatDate(iso, timeZone) : formatDateTime(iso, timeZone);
}

/** Money given as decimal text in `currency` ("1200.00") shown with its symbol; never through a float. */
export function moneyText(amount: string | null | undefined, currency: string): string {
  if (amount === null || amount === undefined) return noValue;
  const minor = parseDecimal(amount, currencyDecimals(currency));
  return minor === null ? `${amount} ${currency}` : formatMoney(minor, currency);
}

/** A rate with more decimals than the currency ("0.0685") shown as "0.0685 USD". */
export const rateText = (rate: string | null | undefined, currency: string, unit: string) => (rate ? `${rate} ${currency}/${unit}` : noValue);

/** Whether a kW figure (decimal text) is above the cap (decimal text); false without a cap. */
export function overCap(kw: string, capKw: string | null): boolean {
  if (capKw === null) return false;
  return (parseDecimal(kw, 3) ?? 0) > (parseDecimal(capKw, 3) ?? 0);
}

const countFormat = new Intl.NumberFormat('en-US');
export const plural = (n: number, noun: string) => `${countFormat.format(n)} ${noun}${n === 1 ? '' : 's'}`;

const billingShort: Record<BillingMethod, string> = { metered: 'Metered', calculated: 'Calculated', hash: 'Hash', fixed: 'Fixed monthly' };

/** How a contract bills, in a word or two: its method, or what its type bills by. */
export function billingText(contract: { type: ContractType; billingMethod: BillingMethod | null }): string {
  if (contract.billingMethod) return billingShort[contract.billingMethod];
  return contract.type === 'infinity' ? 'Per TH/s-day' : contract.type === 'om' ? 'Monthly fees' : noValue;
}
