import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actor } from '../../../tests/helpers/client-fixtures';
import { issuedInvoice, openPaymentsDb, pay, type PaymentsWorld } from '../../../tests/helpers/payment-fixtures';
import { createCreditNote } from '../invoices/invoices.credit';
import { voidInvoice } from '../invoices/invoices.lifecycle';
import { clientJournal } from '../payments/payments.journal';
import { refundPayment } from '../payments/payments.record';
import { buildStatement } from './statement.data';
import { renderStatementPdf } from './statement.pdf';

const dir = mkdtempSync(join(tmpdir(), 'hashdesk-statement-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let w: PaymentsWorld;
beforeEach(() => {
  w = openPaymentsDb();
});
afterEach(() => w.t.close());

/** Acme: an invoice in March paid over, an April invoice credited in full, a payment and a refund in April. */
function aprilStory(): void {
  const issue = (period: string, totalMinor: number, issuedAt: string) =>
    issuedInvoice(w.db, { clientId: w.acme.id, contractId: w.contracts.acme.id, period, totalMinor, issuedAt });
  issue('2026-02', 10_000, '2026-03-03T15:00:00Z');
  pay(w.db, { clientId: w.acme.id, amount: '150.00', reference: 'WIRE-77', receivedAt: '2026-03-20' }, new Date('2026-03-20T15:00:00Z'));
  const april = issue('2026-03', 20_000, '2026-04-03T15:00:00Z');
  createCreditNote(w.db, { invoiceId: april, reason: 'Outage' }, actor, new Date('2026-04-10T15:00:00Z'));
  const { payment } = pay(w.db, { clientId: w.acme.id, amount: '60.00', method: 'btc', receivedAt: '2026-04-12' }, new Date('2026-04-12T15:00:00Z'));
  refundPayment(w.db, { paymentId: payment.id, amount: '10.00', reason: 'Sent too much' }, actor, new Date('2026-04-13T15:00:00Z'));
  issue('2026-04', 5_000, '2026-05-04T15:00:00Z');
}

function pdfText(pdf: Buffer, name: string): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('customer statement', () => {
  it("opens at the journal's balance before the period, lists what moved the balance and closes at the journal's balance", () => {
    aprilStory();
    const statement = buildStatement(w.db, w.acme.id, '2026-04-01', '2026-04-30');
    const [usd] = statement.sections;
    expect(statement.sections).toHaveLength(1);
    expect(usd.openingMinor).toBe(-5_000);
    expect(usd.rows.map((r) => [r.date, r.kind, r.chargeMinor, r.creditMinor, r.balanceMinor])).toEqual([
      ['2026-04-03', 'invoice', 20_000, 0, 15_000],
      ['2026-04-10', 'credit_note', 0, 20_000, -5_000],
      ['2026-04-12', 'payment', 0, 6_000, -11_000],
      ['2026-04-13', 'refund', 1_000, 0, -10_000],
    ]);
    expect(usd.closingMinor).toBe(-10_000);
    const journal = clientJournal(w.db, w.acme.id).entries;
    const lastInApril = journal.filter((e) => e.date <= '2026-04-30').at(-1)!;
    const lastInMarch = journal.filter((e) => e.date < '2026-04-01').at(-1)!;
    expect((usd.closingMinor / 100).toFixed(2)).toBe(lastInApril.balance);
    expect((usd.openingMinor / 100).toFixed(2)).toBe(lastInMarch.balance);
    // The whole history closes at what the client owes now, as the balance cards show it.
    const whole = buildStatement(w.db, w.acme.id, '2026-01-01', '2026-12-31').sections[0];
    expect(whole.openingMinor).toBe(0);
    expect((whole.closingMinor / 100).toFixed(2)).toBe(clientJournal(w.db, w.acme.id).balances[0].balance);
  });

  it('shows a void as a credit on the day it was voided, and an empty period at its opening balance', () => {
    const id = issuedInvoice(w.db, { clientId: w.boreal.id, contractId: w.contracts.boreal.id, period: '2026-02', totalMinor: 7_500, issuedAt: '2026-03-03T15:00:00Z' });
    voidInvoice(w.db, { id, reason: 'Billed the wrong contract' }, actor, new Date('2026-03-05T15:00:00Z'));
    const march = buildStatement(w.db, w.boreal.id, '2026-03-01', '2026-03-31').sections[0];
    expect(march.rows.map((r) => [r.kind, r.description.replace(/\d{4}-0+/, '…'), r.creditMinor, r.balanceMinor])).toEqual([
      ['invoice', 'Invoice …1', 0, 7_500],
      ['invoice_void', 'Invoice …1 voided', 7_500, 0],
    ]);
    const quiet = buildStatement(w.db, w.acme.id, '2026-06-01', '2026-06-30').sections;
    expect(quiet).toEqual([{ currency: 'USD', openingMinor: 0, rows: [], closingMinor: 0 }]);
  });

  it('prints the opening and closing balances, each movement and the period (pdftotext)', async () => {
    aprilStory();
    const pdf = await renderStatementPdf(buildStatement(w.db, w.acme.id, '2026-04-01', '2026-04-30'));
    const text = pdfText(pdf, 'april');
    for (const words of ['STATEMENT', '1 Apr 2026 – 30 Apr 2026', 'Acme', 'USD ACCOUNT', 'Payment #2 received: Bitcoin (BTC)', 'Refund of payment #2: Sent too much']) {
      expect(text).toContain(words);
    }
    expect(text).toMatch(/Opening balance\s+-\$50\.00/);
    expect(text).toMatch(/3 Apr 2026\s+Invoice \S+\s+\$200\.00\s+\$150\.00/);
    expect(text).toMatch(/Closing balance USD\s+-\$100\.00/);
    expect(text).toContain('Page 1 of 1');
    expect(text).not.toContain('2026-000003');
    // Same statement, same bytes: its date is the period's end, not the clock.
    expect(pdf.equals(await renderStatementPdf(buildStatement(w.db, w.acme.id, '2026-04-01', '2026-04-30')))).toBe(true);
  });
});
