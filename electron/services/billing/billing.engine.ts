import type { BillPreview } from '../../contract/billing';
import { currencyDecimals, formatDecimal } from '../../contract/money';
import { ratio, ratioText } from './billing.exact';
import { energyLines } from './billing.energy';
import { feeLines } from './billing.fees';
import type { LineContext } from './billing.lines';
import { parsePercent, taxMinor } from './billing.math';
import { prepareCounter, type PreparedCounter } from './billing.meter';
import { billingPeriod } from './billing.period';
import type { Bill, BillingInput, BillLine, BillTax, ContractInput } from './billing.types';

/**
 * The billing engine: one client, one month, pure (no Db, no clock, no I/O): the same input always gives
 * the same bill, months later. The service gathers the input (contracts, equipment history, pricing,
 * counters) and calls `computeBill`; `billPreview` writes it as `billing.preview` answers.
 * Rules, each stated once in the file that applies it:
 * - the period and the pro-rating by exact seconds: billing.period.ts;
 * - rounding (half-up, once per figure): billing.exact.ts; money: billing.math.ts;
 * - which price is in force: billing.rates.ts;
 * - metered energy, interpolation and missing readings: billing.meter.ts; energy methods: billing.energy.ts;
 * - fixed, O&M and Infinity (days): billing.fees.ts.
 * Taxes: each rate applies to every line of a client that is not tax-exempt, on the SUM of the lines
 * (already rounded), rounded half-up once per rate.
 */

const energyMethods = new Set(['metered', 'calculated', 'hash']);

/** Whether a contract bills energy at all (Hosted or Lease by metered, calculated or hash). */
export const billsEnergy = (contract: ContractInput): boolean =>
  (contract.type === 'hosted' || contract.type === 'lease') && contract.method !== null && energyMethods.has(contract.method);

function contractLines(ctx: LineContext, contract: ContractInput): BillLine[] {
  return [...(billsEnergy(contract) ? energyLines(ctx, contract) : []), ...feeLines(ctx, contract)];
}

function taxesOf(input: BillingInput, subtotalMinor: number): BillTax[] {
  if (input.client.taxExempt) return [];
  return input.taxRates.map(({ name, percent }) => {
    const parsed = parsePercent(percent);
    if (!parsed) throw new RangeError(`The tax rate "${name}" is ${percent}%, which is not a percentage from 0 to 100 with at most four decimals.`);
    return { name, percent: parsed.text, amountMinor: taxMinor(subtotalMinor, parsed.share) };
  });
}

/** The counters by id, each prepared the first time a line reads it. */
export function preparedOnUse(counters: BillingInput['counters']): LineContext['counters'] {
  const byId = new Map(counters.map((counter) => [counter.id, counter]));
  const prepared = new Map<number, PreparedCounter>();
  return {
    get(id) {
      const counter = byId.get(id);
      if (!counter) return undefined;
      let ready = prepared.get(id);
      if (!ready) prepared.set(id, (ready = prepareCounter(counter)));
      return ready;
    },
  };
}

/** The bill of one client for one month (see the rules above). */
export function computeBill(input: BillingInput): Bill {
  const period = billingPeriod(input.month, input.timeZone);
  const ctx: LineContext = {
    period,
    decimals: currencyDecimals(input.currency),
    counters: preparedOnUse(input.counters),
    pricing: input.pricing,
  };
  const lines = input.contracts.flatMap((contract) => contractLines(ctx, contract));
  const subtotalMinor = lines.reduce((sum, line) => sum + line.amountMinor, 0);
  const taxes = taxesOf(input, subtotalMinor);
  return {
    currency: input.currency,
    month: input.month,
    timeZone: input.timeZone,
    periodHours: ratioText(ratio(period.seconds, 3600), 4),
    lines,
    subtotalMinor,
    taxes,
    totalMinor: subtotalMinor + taxes.reduce((sum, tax) => sum + tax.amountMinor, 0),
    taxExemption: input.client.taxExempt ? { taxId: input.client.taxId } : null,
  };
}

/** The bill as `billing.preview` answers it: amounts as decimal text in the currency's own decimals ("48.45"). */
export function billPreview(bill: Bill): BillPreview {
  const decimals = currencyDecimals(bill.currency);
  const money = (minor: number) => formatDecimal(minor, decimals, decimals);
  return {
    currency: bill.currency,
    lines: bill.lines.map(({ contractId, minerId, method, quantity, unit, rate, explanation, amountMinor }) => ({
      contractId,
      minerId,
      method,
      quantity,
      unit,
      rate,
      amount: money(amountMinor),
      explanation,
    })),
    subtotal: money(bill.subtotalMinor),
    taxes: bill.taxes.map(({ name, percent, amountMinor }) => ({ name, percent, amount: money(amountMinor) })),
    total: money(bill.totalMinor),
    taxExemption: bill.taxExemption,
  };
}
