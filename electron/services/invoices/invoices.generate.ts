import type { Db } from '../../../db/open-db';
import { clientStatusLabels, type ClientStatus } from '../../contract/clients';
import { computeBill } from '../billing/billing.engine';
import { billingInputOf, contractIdsNearMonth, gatherBilling } from '../billing/billing.gather';
import { immediate, liveInvoiceOf, type InvoiceRow } from './invoices.rows';
import { numberInvoice, writeDraft } from './invoices.write';

/**
 * One client's invoices for a month, in ONE transaction: one invoice per contract in force at some moment
 * of the month (in its site's zone) that has anything to bill. A batch killed half-way leaves each client
 * either wholly done or untouched, so a rerun completes it: an invoice already there for the contract
 * and month (whoever the client is now) is never made twice, numbers are taken only when issuing, inside
 * the same transaction, so no number is lost.
 * - an issued invoice already there: skipped; a draft or held one: recomputed, or skipped with skipExisting;
 * - a client In Default (or pool-redirected after it) gets held invoices, which `issue` leaves unissued.
 */

/** Statuses whose invoices the batch holds: the client owes and is not to be sent more. */
const holdingStatuses: readonly ClientStatus[] = ['in_default', 'pool_redirected'];

export type ClientOutcome = { created: number; refreshed: number; skipped: number; held: number; issued: number; invoiceIds: number[] };

export type GenerateOptions = { skipExisting: boolean; issue: boolean };

export function generateClientInvoices(db: Db, clientId: number, period: string, options: GenerateOptions, actor: string, now = new Date()): ClientOutcome {
  return db.transaction((tx) => {
    const outcome: ClientOutcome = { created: 0, refreshed: 0, skipped: 0, held: 0, issued: 0, invoiceIds: [] };
    // A rerun over clients already done reads no history: every contract of the month already has its invoice.
    const existingOf = new Map(contractIdsNearMonth(tx, clientId, period).map((id) => [id, liveInvoiceOf(tx, id, period)]));
    const kept = (existing: InvoiceRow | undefined) =>
      existing !== undefined && (options.skipExisting || existing.number !== null || existing.clientId !== clientId);
    if (existingOf.size && [...existingOf.values()].every(kept)) return { ...outcome, skipped: existingOf.size };
    // The gathering reads through statements prepared on the connection (`db`); it runs in this transaction all the same.
    const gathered = gatherBilling(db, clientId, period);
    const { client } = gathered;
    const held = holdingStatuses.includes(client.status) ? `${client.name} is ${clientStatusLabels[client.status]}.` : null;
    for (const contract of gathered.contracts) {
      const existing = existingOf.has(contract.row.id) ? existingOf.get(contract.row.id) : liveInvoiceOf(tx, contract.row.id, period);
      if (kept(existing)) {
        outcome.skipped += 1;
        continue;
      }
      const bill = computeBill(billingInputOf(gathered, [contract], contract.timeZone, contract.row.currency));
      if (!bill.lines.length) continue;
      const id = writeDraft(db, tx, { client, contract, bill, held, existing }, actor, now);
      if (existing) outcome.refreshed += 1;
      else outcome.created += 1;
      if (held) outcome.held += 1;
      else if (options.issue) {
        numberInvoice(tx, id, actor, now, client);
        outcome.issued += 1;
      }
      outcome.invoiceIds.push(id);
    }
    return outcome;
  }, immediate);
}
