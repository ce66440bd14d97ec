import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clients, invoices } from '../../../db/schema';
import { activeWith, openContractsDb, type ContractsWorld } from '../../../tests/helpers/contract-fixtures';
import { setTaxes } from '../../../tests/helpers/billing-fixtures';
import { createInvoiceBatches } from './invoices.batch';
import { createCreditNote } from './invoices.credit';
import { issueInvoice, voidInvoice } from './invoices.lifecycle';
import { getInvoice, listInvoices } from './invoices.read';

let w: ContractsWorld;
beforeEach(() => {
  w = openContractsDb();
  setTaxes(w.db, [{ name: 'Sales tax', percent: '10' }]);
});
afterEach(() => w.t.close());

const actor = 'tester';
const april = new Date('2026-04-03T15:00:00Z');

function twoClientsWithContracts() {
  const acme = activeWith(w.db, { clientId: w.acme.id, siteId: w.site.id, billingMethod: 'calculated', netDays: 15 }, [w.miners.acme1.id]);
  const acmeFee = activeWith(w.db, { clientId: w.acme.id, siteId: w.site.id, type: 'infinity', pricePerThsDay: '0.05', contractedThs: '100' }, []);
  const boreal = activeWith(w.db, { clientId: w.boreal.id, siteId: w.site.id, type: 'infinity', pricePerThsDay: '0.04', contractedThs: '50' }, []);
  return { acme, acmeFee, boreal };
}

describe('invoices.generateBatch', () => {
  it('makes one invoice per client and contract, holds those of a client In Default, and makes no duplicate when run again', async () => {
    const { acme, acmeFee, boreal } = twoClientsWithContracts();
    w.db.update(clients).set({ status: 'in_default' }).where(eq(clients.id, w.boreal.id)).run();
    const batches = createInvoiceBatches(w.db);
    const first = await batches.run({ period: '2026-03', skipExisting: false, issue: true }, actor);
    expect(first).toMatchObject({ created: 3, refreshed: 0, skipped: 0, held: 1, issued: 2 });
    const rows = w.db.select().from(invoices).all();
    expect(rows.map((r) => [r.contractId, r.status]).sort()).toEqual(
      [
        [acme.id, 'issued'],
        [acmeFee.id, 'issued'],
        [boreal.id, 'held'],
      ].sort(),
    );
    expect(rows.find((r) => r.contractId === boreal.id)!.heldReason).toBe('Boreal is In Default.');
    expect(
      rows
        .filter((r) => r.number)
        .map((r) => r.number!.replace(/\d{4}-/, 'YYYY-'))
        .sort(),
    ).toEqual(['INV-YYYY-000001', 'INV-YYYY-000002']);

    const again = await batches.run({ period: '2026-03', skipExisting: false, issue: true }, actor);
    // Issued ones are left alone; the held draft is recomputed in place, not duplicated.
    expect(again).toMatchObject({ created: 0, refreshed: 1, skipped: 2, held: 1, issued: 0 });
    const skipping = await batches.run({ period: '2026-03', skipExisting: true, issue: false }, actor);
    expect(skipping).toMatchObject({ created: 0, refreshed: 0, skipped: 3 });
    expect(w.db.select().from(invoices).all()).toHaveLength(3);
    expect(batches.status()).toMatchObject({ state: 'done', clients: 2, clientsDone: 2 });
  });

  it('refuses an unknown client before doing anything', async () => {
    twoClientsWithContracts();
    await expect(createInvoiceBatches(w.db).run({ period: '2026-03', clientIds: [w.acme.id, 9999], skipExisting: false, issue: false }, actor)).rejects.toThrow(
      /Client #9999 was not found/i,
    );
    expect(w.db.select().from(invoices).all()).toHaveLength(0);
  });

  it('stops after the client in hand when cancelled, and a rerun completes it', async () => {
    twoClientsWithContracts();
    const batches = createInvoiceBatches(w.db);
    const running = batches.run({ period: '2026-03', skipExisting: false, issue: false }, actor);
    batches.cancel();
    const partial = await running;
    expect(batches.status()).toMatchObject({ state: 'cancelled', clientsDone: 0 });
    expect(partial.created).toBe(0);
    const rest = await batches.run({ period: '2026-03', skipExisting: true, issue: false }, actor);
    expect(partial.created + rest.created).toBe(3);
  });
});

describe('issuing, immutability, void and credit notes', () => {
  async function oneDraft() {
    const { acme } = twoClientsWithContracts();
    await createInvoiceBatches(w.db).run({ period: '2026-03', clientIds: [w.acme.id], skipExisting: false, issue: false }, actor);
    return w.db.select().from(invoices).where(eq(invoices.contractId, acme.id)).get()!;
  }

  it('numbers at issue, dates it in the site calendar with the contract’s net days, and refuses a second issue', async () => {
    const draft = await oneDraft();
    expect(getInvoice(w.db, draft.id)).toMatchObject({ number: null, status: 'draft' });
    const issued = issueInvoice(w.db, draft.id, actor, april);
    expect(issued).toMatchObject({ number: 'INV-2026-000001', status: 'issued', issueDate: '2026-04-03', dueDate: '2026-04-18' });
    expect(issued.organisation).toMatchObject({ name: 'Test Hosting', paymentInstructions: 'IBAN XX00 1234' });
    expect(issued.billTo.name).toBe('Acme Hashing');
    expect(issued.lines[0].explanation).toMatch(/nominal/);
    expect(issued.taxes).toEqual([{ name: 'Sales tax', percent: '10', amount: issued.tax }]);
    expect(() => issueInvoice(w.db, draft.id, actor, april)).toThrow(/already issued/);
  });

  it('refuses, in SQL too, any change to the money or lines of an issued invoice, but lets its status and paid amount move', async () => {
    const draft = await oneDraft();
    issueInvoice(w.db, draft.id, actor, april);
    const sqlite = w.db.$client;
    expect(() => sqlite.prepare('UPDATE invoices SET total_minor = total_minor + 1 WHERE id = ?').run(draft.id)).toThrow(/cannot be changed/);
    expect(() => sqlite.prepare('UPDATE invoice_lines SET amount_minor = 1 WHERE invoice_id = ?').run(draft.id)).toThrow(/cannot be changed/);
    expect(() => sqlite.prepare('DELETE FROM invoice_taxes WHERE invoice_id = ?').run(draft.id)).toThrow(/cannot be changed/);
    expect(() =>
      sqlite
        .prepare(
          "INSERT INTO invoice_lines (invoice_id, position, contract_id, method, quantity, unit, rate, amount_minor, billed_seconds, fallback_seconds, explanation) VALUES (?, 99, ?, 'fixed', '1', 'month', '1', 100, 0, 0, 'x')",
        )
        .run(draft.id, draft.contractId),
    ).toThrow(/cannot be changed/);
    expect(() => sqlite.prepare('DELETE FROM invoices WHERE id = ?').run(draft.id)).toThrow(/cannot be deleted/);
    expect(() => sqlite.prepare("UPDATE invoices SET status = 'draft' WHERE id = ?").run(draft.id)).toThrow(/cannot be changed/);
    sqlite.prepare("UPDATE invoices SET status = 'partially_paid', amount_paid_minor = 100 WHERE id = ?").run(draft.id);
    expect(getInvoice(w.db, draft.id, april)).toMatchObject({ status: 'partially_paid', amountPaid: '1.00' });
    expect(() => voidInvoice(w.db, { id: draft.id, reason: 'wrong' }, actor)).toThrow(/payments recorded/);
  });

  it('credits a whole invoice exactly, in its own series, and refuses to credit more than is left', async () => {
    const draft = await oneDraft();
    const invoice = issueInvoice(w.db, draft.id, actor, april);
    const note = createCreditNote(w.db, { invoiceId: draft.id, reason: 'Wrong meter' }, actor, april);
    expect(note).toMatchObject({
      kind: 'credit_note',
      number: 'CN-2026-000001',
      status: 'issued',
      total: `-${invoice.total}`,
      tax: `-${invoice.tax}`,
      credits: { id: draft.id },
    });
    expect(note.lines.map((l) => l.amount)).toEqual(invoice.lines.map((l) => `-${l.amount}`));
    expect(getInvoice(w.db, draft.id).creditNotes.map((c) => c.number)).toEqual(['CN-2026-000001']);
    expect(() => createCreditNote(w.db, { invoiceId: draft.id, lines: [{ position: 1, amount: '0.01' }], reason: 'again' }, actor, april)).toThrow(
      /0.00 USD left to credit/,
    );
    expect(() => voidInvoice(w.db, { id: draft.id, reason: 'x' }, actor)).toThrow(/corrected by a credit note/);
  });

  it('credits part of a line with the tax on the credited sum, and refuses more than the line', async () => {
    const draft = await oneDraft();
    issueInvoice(w.db, draft.id, actor, april);
    const note = createCreditNote(w.db, { invoiceId: draft.id, lines: [{ position: 1, amount: '10.05' }], reason: 'Goodwill' }, actor, april);
    expect(note).toMatchObject({ subtotal: '-10.05', tax: '-1.01', total: '-11.06' });
    expect(() => createCreditNote(w.db, { invoiceId: draft.id, lines: [{ position: 1, amount: '999999' }], reason: 'x' }, actor, april)).toThrow(/at most/);
  });

  it('voids a draft (the batch may then make the month again) and an unpaid issued invoice, which keeps its number', async () => {
    const draft = await oneDraft();
    expect(voidInvoice(w.db, { id: draft.id, reason: 'Contract dates wrong' }, actor)).toMatchObject({ status: 'void', voidReason: 'Contract dates wrong' });
    const again = await createInvoiceBatches(w.db).run({ period: '2026-03', clientIds: [w.acme.id], skipExisting: true, issue: true }, actor);
    expect(again.created).toBe(1);
    const remade = w.db
      .select()
      .from(invoices)
      .where(
        eq(
          invoices.id,
          again.invoiceIds.find((id) => id !== draft.id)!,
        ),
      )
      .get()!;
    const voided = voidInvoice(w.db, { id: remade.id, reason: 'Duplicate' }, actor);
    expect(voided).toMatchObject({ status: 'void', number: remade.number });
  });

  it('reports overdue from the due date, in the list and the detail alike, with totals per currency', async () => {
    const draft = await oneDraft();
    issueInvoice(w.db, draft.id, actor, april);
    const may = new Date('2026-05-01T12:00:00Z');
    expect(getInvoice(w.db, draft.id, may).status).toBe('overdue');
    const list = listInvoices(w.db, { status: 'overdue' }, may);
    expect(list.invoices.map((i) => i.id)).toEqual([draft.id]);
    expect(list.statusCounts).toMatchObject({ overdue: 1, draft: 1 });
    expect(list.totals).toEqual([expect.objectContaining({ currency: 'USD', count: 1, due: list.invoices[0].total })]);
    expect(listInvoices(w.db, { status: 'issued' }, may).invoices).toEqual([]);
    expect(listInvoices(w.db, { status: 'issued' }, april).invoices.map((i) => i.id)).toEqual([draft.id]);
  });
});
