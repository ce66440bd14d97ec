import type { invoiceCalls } from '../../contract/invoices';
import { clientScopeOf } from '../client-scope/client-scope';
import type { DomainHandlers, NamesOf, SharedServices } from '../handler-kit';
import { createInvoiceBatches } from './invoices.batch';
import { invoicePdf } from './invoice.pdf';
import { createCreditNote } from './invoices.credit';
import { issueInvoice, voidInvoice } from './invoices.lifecycle';
import { getInvoice, listInvoices } from './invoices.read';

export function invoiceHandlers({ db }: SharedServices): DomainHandlers<NamesOf<typeof invoiceCalls>> {
  const batches = createInvoiceBatches(db);
  return {
    'invoices.generateBatch': async (input, ctx) => batches.run(input, ctx.actor),
    'invoices.batch.status': async () => batches.status(),
    'invoices.batch.cancel': async () => batches.cancel(),
    'invoices.list': async (input, ctx) => listInvoices(db, input, new Date(), clientScopeOf(db, ctx.origin)),
    'invoices.get': async (input) => getInvoice(db, input.id),
    'invoices.pdf': async (input) => invoicePdf(db, input.id, input.paperSize),
    'invoices.issue': async (input, ctx) => issueInvoice(db, input.id, ctx.actor),
    'invoices.void': async (input, ctx) => voidInvoice(db, input, ctx.actor),
    'invoices.creditNote': async (input, ctx) => createCreditNote(db, input, ctx.actor),
  };
}
