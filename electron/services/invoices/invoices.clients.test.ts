import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invoices } from '../../../db/schema';
import { contract } from '../../contract';
import { activeWith, openContractsDb, type ContractsWorld } from '../../../tests/helpers/contract-fixtures';
import { setTaxes } from '../../../tests/helpers/billing-fixtures';
import { readOneClientLinks } from '../clients/clients.links';
import { listClients } from '../clients/clients.list';
import { mergeClients, previewMerge } from '../clients/clients.merge';
import { archiveClient } from '../clients/clients.service';
import { createInvoiceBatches } from './invoices.batch';
import { createCreditNote } from './invoices.credit';
import { issueInvoice } from './invoices.lifecycle';

let w: ContractsWorld;
beforeEach(() => {
  w = openContractsDb();
  setTaxes(w.db, []);
});
afterEach(() => w.t.close());

const actor = 'tester';
const owing = (balanceOwed: boolean) =>
  listClients(w.db, contract['clients.list'].input.parse({ balanceOwed }))
    .rows.map((r) => r.id)
    .sort();

describe('invoice figures of clients', () => {
  it('count issued invoices, unpaid ones and the balance less credit notes, and the list filters by what is owed', async () => {
    const infinity = { siteId: w.site.id, type: 'infinity' as const, contractedThs: '100' };
    activeWith(w.db, { ...infinity, clientId: w.acme.id, pricePerThsDay: '0.05' }, []);
    activeWith(w.db, { ...infinity, clientId: w.acme.id, pricePerThsDay: '0.02' }, []);
    await createInvoiceBatches(w.db).run({ period: '2026-03', skipExisting: false, issue: false }, actor);
    expect(readOneClientLinks(w.db, w.acme.id)).toMatchObject({ invoices: 0, unpaidInvoices: 0, balances: [] });
    const [first, second] = w.db.select().from(invoices).all();
    issueInvoice(w.db, first.id, actor);
    issueInvoice(w.db, second.id, actor);
    // 100 TH/s × 31 days × 0.05 = 155.00 and × 0.02 = 62.00
    expect(readOneClientLinks(w.db, w.acme.id)).toMatchObject({ invoices: 2, unpaidInvoices: 2, balances: [{ currency: 'USD', balanceMinor: 21_700 }] });
    createCreditNote(w.db, { invoiceId: second.id, reason: 'Discount' }, actor);
    expect(readOneClientLinks(w.db, w.acme.id)).toMatchObject({ invoices: 2, balances: [{ currency: 'USD', balanceMinor: 15_500 }] });
    expect(owing(true)).toEqual([w.acme.id]);
    expect(owing(false)).toEqual([w.boreal.id]);
    expect(() => archiveClient(w.db, w.acme.id, actor)).toThrow(/unpaid invoice/);
  });

  it('merge moves draft invoices to the survivor and leaves issued ones with the archived client', async () => {
    const infinity = { siteId: w.site.id, type: 'infinity' as const, contractedThs: '100', pricePerThsDay: '0.05' };
    activeWith(w.db, { ...infinity, clientId: w.boreal.id }, []);
    activeWith(w.db, { ...infinity, clientId: w.boreal.id, pricePerThsDay: '0.02' }, []);
    await createInvoiceBatches(w.db).run({ period: '2026-03', skipExisting: false, issue: false }, actor);
    const [issued, draft] = w.db.select().from(invoices).all();
    issueInvoice(w.db, issued.id, actor);
    const preview = previewMerge(w.db, w.boreal.id, w.acme.id);
    expect(preview.moves.invoices).toBe(1);
    expect(preview.conflicts.join(' ')).toMatch(/1 issued invoice and credit notes stay with the archived client/);
    mergeClients(w.db, w.boreal.id, w.acme.id, actor);
    const clientOf = (id: number) => w.db.select().from(invoices).where(eq(invoices.id, id)).get()!.clientId;
    expect([clientOf(issued.id), clientOf(draft.id)]).toEqual([w.boreal.id, w.acme.id]);
    // The issued invoice's contract moved with the merge: a new batch does not bill its month again.
    const again = await createInvoiceBatches(w.db).run({ period: '2026-03', skipExisting: false, issue: false }, actor);
    expect(again).toMatchObject({ created: 0, skipped: 1, refreshed: 1 });
  });
});
