import { z } from 'zod';
import type { BillingMethod } from './contracts.vocab';
import { call } from './define';
import { idSchema } from './fields';

/** What a line bills: the contract's method, or Infinity's TH/s-days and O&M's fees. */
export type BillLineMethod = BillingMethod | 'infinity' | 'om';
export type BillLineUnit = 'kWh' | 'month' | 'TH/s-day';

/** A billing month: YYYY-MM, read in the site's time zone. */
export const periodSchema = z
  .string({ error: 'must be a month like 2026-03' })
  .trim()
  .regex(/^(20\d\d|2100)-(0[1-9]|1[0-2])$/, 'must be a month like 2026-03');

/** One line of a bill: figures as decimal text (quantity in `unit`, rate per unit, amount in the currency). */
export type BillLineText = {
  contractId: number;
  /** Null for a line of the contract as a whole (its monthly fee, its meters, Infinity). */
  minerId: number | null;
  method: BillLineMethod;
  quantity: string;
  unit: BillLineUnit;
  rate: string;
  amount: string;
  /** What was measured, interpolated or assumed, in plain words. */
  explanation: string;
};

/** A bill as decimal text in the currency's own decimals ("48.45"). */
export type BillPreview = {
  currency: string;
  lines: BillLineText[];
  subtotal: string;
  taxes: { name: string; percent: string; amount: string }[];
  total: string;
  /** Set when the client is tax-exempt: invoices show the exemption and this tax id. */
  taxExemption: { taxId: string } | null;
};

export type BillingPreview = BillPreview & {
  clientId: number;
  period: string;
  /** The site zone the month was read in. */
  timeZone: string;
  /** The contracts in force at some moment of the month, as numbered. */
  contracts: { id: number; number: string }[];
};

export const billingCalls = {
  /** What the client would be billed for the month, computed now; saves nothing. */
  'billing.preview': call<BillingPreview>()(z.object({ clientId: idSchema, period: periodSchema }).strict()),
};
