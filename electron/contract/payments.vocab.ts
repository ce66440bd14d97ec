/** Words of the payments domain shared by the schema, the services and the renderer. */

/** How a client paid. The fee is what the bank, card processor or network kept: the client is credited the whole amount. */
export const paymentMethods = ['bank_transfer', 'btc', 'usdc', 'usdt', 'card', 'cash'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

export const paymentMethodLabels: Record<PaymentMethod, string> = {
  bank_transfer: 'Bank transfer',
  btc: 'Bitcoin (BTC)',
  usdc: 'USDC',
  usdt: 'USDT',
  card: 'Card',
  cash: 'Cash',
};

/**
 * Why money moved onto (positive) or off (negative) an invoice; the allocations table is a ledger, never
 * edited. on_receipt: applied when the payment was recorded; by_hand: the allocation editor; credit_carried:
 * the client's credit applied when an invoice was issued; credit_note: a credit note settling its invoice;
 * displaced: a payment moved off an invoice a credit note settled, back to the client's credit;
 * before_payments: an invoice marked paid before payments were recorded (migration 0020).
 */
export const allocationReasons = ['on_receipt', 'by_hand', 'credit_carried', 'credit_note', 'displaced', 'before_payments'] as const;
export type AllocationReason = (typeof allocationReasons)[number];

/** Days an invoice may be overdue before its client is proposed for In Default, unless Settings say otherwise. */
export const defaultAfterDaysOverdueDefault = 30;

export const allocationReasonLabels: Record<AllocationReason, string> = {
  on_receipt: 'When the payment was recorded',
  by_hand: 'By hand',
  credit_carried: 'Credit carried to a new invoice',
  credit_note: 'Credit note',
  displaced: 'Moved off for a credit note',
  before_payments: 'Marked paid before payments were recorded',
};
