import { and, eq, isNotNull } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '../../../db/open-db';
import { invoices, paymentAllocations, paymentRefunds, payments } from '../../../db/schema';
import type { ClientJournal, JournalEntry, JournalKind } from '../../contract/payments';
import { paymentMethodLabels, type AllocationReason } from '../../contract/payments.vocab';
import { requireClient } from '../clients/clients.guards';
import { readSettingsRow } from '../settings/settings.service';
import { moneyText, paymentLabel } from './payments.ledger';
import { clientBalances } from './payments.read';

/**
 * A client's journal, as Fleio keeps it: every movement of money with its source and destination, oldest
 * first, and the running balance (owed − credit) per currency. Invoices and refunds raise the balance;
 * payments, credit notes and voids lower it; allocations only move money between a payment (or credit
 * note) and an invoice.
 */

type Line = Omit<JournalEntry, 'amount' | 'balance'> & { amountMinor: number; deltaMinor: number; at: string; order: number };

const account = 'Client account';
const creditOf = (paymentId: number) => `Credit (payment #${paymentId})`;

function invoiceLines(db: DbOrTx, clientId: number, dateOf: (iso: string) => string): Line[] {
  const credited = alias(invoices, 'credited');
  const rows = db
    .select({ invoice: invoices, creditedNumber: credited.number })
    .from(invoices)
    .leftJoin(credited, eq(credited.id, invoices.creditedInvoiceId))
    .where(and(eq(invoices.clientId, clientId), isNotNull(invoices.number)))
    .all();
  return rows.flatMap(({ invoice: i, creditedNumber }) => {
    const base = { currency: i.currency, invoiceId: i.id, paymentId: null, reason: null, amountMinor: Math.abs(i.totalMinor) };
    const issued: Line =
      i.kind === 'credit_note'
        ? {
            ...base,
            kind: 'credit_note',
            date: i.issueDate!,
            at: i.issuedAt!,
            order: 0,
            source: i.number!,
            destination: creditedNumber ?? account,
            deltaMinor: i.totalMinor,
          }
        : { ...base, kind: 'invoice', date: i.issueDate!, at: i.issuedAt!, order: 0, source: i.number!, destination: account, deltaMinor: i.totalMinor };
    if (i.status !== 'void' || !i.voidedAt) return [issued];
    const voided: Line = {
      ...base,
      kind: 'invoice_void',
      date: dateOf(i.voidedAt),
      at: i.voidedAt,
      order: 0,
      source: account,
      destination: `${i.number} (void)`,
      deltaMinor: -i.totalMinor,
    };
    return [issued, voided];
  });
}

function paymentLines(db: DbOrTx, clientId: number): Line[] {
  const rows = db.select().from(payments).where(eq(payments.clientId, clientId)).all();
  const refunds = db
    .select({ refund: paymentRefunds, currency: payments.currency })
    .from(paymentRefunds)
    .innerJoin(payments, eq(payments.id, paymentRefunds.paymentId))
    .where(eq(payments.clientId, clientId))
    .all();
  return [
    ...rows.map((p): Line => ({
      kind: 'payment',
      date: p.receivedOn,
      at: p.createdAt,
      order: 1,
      source: `${paymentMethodLabels[p.method]}${p.reference ? ` ${p.reference}` : ''}`,
      destination: `${account} (${paymentLabel(p).toLowerCase()})`,
      currency: p.currency,
      invoiceId: null,
      paymentId: p.id,
      reason: null,
      amountMinor: p.amountMinor,
      deltaMinor: -p.amountMinor,
    })),
    ...refunds.map(({ refund: r, currency }): Line => ({
      kind: 'refund',
      date: r.refundedOn,
      at: r.createdAt,
      order: 3,
      source: paymentLabel({ id: r.paymentId }),
      destination: `Refund to client: ${r.reason}`,
      currency,
      invoiceId: null,
      paymentId: r.paymentId,
      reason: null,
      amountMinor: r.amountMinor,
      deltaMinor: r.amountMinor,
    })),
  ];
}

const allocationKind = (reason: AllocationReason, amountMinor: number): JournalKind =>
  amountMinor < 0 ? 'release' : reason === 'credit_carried' ? 'credit_carried' : 'allocation';

function allocationLines(db: DbOrTx, clientId: number, dateOf: (iso: string) => string): Line[] {
  const note = alias(invoices, 'note');
  const rows = db
    .select({ allocation: paymentAllocations, invoice: invoices, noteNumber: note.number, receivedOn: payments.receivedOn })
    .from(paymentAllocations)
    .innerJoin(invoices, eq(invoices.id, paymentAllocations.invoiceId))
    .leftJoin(note, eq(note.id, paymentAllocations.creditNoteId))
    .leftJoin(payments, eq(payments.id, paymentAllocations.paymentId))
    .where(eq(invoices.clientId, clientId))
    .all();
  return rows.map(({ allocation: a, invoice, noteNumber, receivedOn }) => {
    const kind = allocationKind(a.reason, a.amountMinor);
    const from = a.paymentId === null ? (noteNumber ?? 'Credit note') : kind === 'credit_carried' ? creditOf(a.paymentId) : paymentLabel({ id: a.paymentId });
    const onReceipt = (a.reason === 'on_receipt' || a.reason === 'before_payments') && receivedOn;
    return {
      kind,
      date: onReceipt ? receivedOn : dateOf(a.createdAt),
      at: a.createdAt,
      order: 2,
      source: kind === 'release' ? invoice.number! : from,
      destination: kind === 'release' ? creditOf(a.paymentId ?? 0) : invoice.number!,
      currency: invoice.currency,
      invoiceId: invoice.id,
      paymentId: a.paymentId,
      reason: a.reason,
      amountMinor: Math.abs(a.amountMinor),
      deltaMinor: 0,
    };
  });
}

/** One journal line in integer minor units, with the running balance (owed − credit) in its currency after it. */
export type JournalLineMinor = Omit<Line, 'at' | 'order'> & { balanceMinor: number };

/** The client's journal lines, oldest first, with the running balance: the one place that sums a client's money (the journal and the statement read it). */
export function clientJournalLines(db: DbOrTx, clientId: number): JournalLineMinor[] {
  requireClient(db, clientId);
  const zone = readSettingsRow(db).timeZone;
  const dateOf = (iso: string) => DateTime.fromISO(iso, { zone }).toISODate() ?? iso.slice(0, 10);
  const lines = [...invoiceLines(db, clientId, dateOf), ...paymentLines(db, clientId), ...allocationLines(db, clientId, dateOf)].sort(
    (a, b) => a.date.localeCompare(b.date) || a.at.localeCompare(b.at) || a.order - b.order,
  );
  const running = new Map<string, number>();
  return lines.map(({ at: _at, order: _order, ...line }) => {
    const balanceMinor = (running.get(line.currency) ?? 0) + line.deltaMinor;
    running.set(line.currency, balanceMinor);
    return { ...line, balanceMinor };
  });
}

export function clientJournal(db: DbOrTx, clientId: number): ClientJournal {
  const entries = clientJournalLines(db, clientId).map(({ amountMinor, deltaMinor: _delta, balanceMinor, ...line }) => ({
    ...line,
    amount: moneyText(amountMinor, line.currency),
    balance: moneyText(balanceMinor, line.currency),
  }));
  return { clientId, entries, balances: clientBalances(db, clientId) };
}
