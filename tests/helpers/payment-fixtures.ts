import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open-db';
import { invoiceLines, invoices, poolRedirects } from '../../db/schema';
import { contract, type Input } from '../../electron/contract';
import { issueInvoice } from '../../electron/services/invoices/invoices.lifecycle';
import { recordPayment } from '../../electron/services/payments/payments.record';
import { actor } from './client-fixtures';
import { activeWith, openContractsDb } from './contract-fixtures';

/**
 * The contracts world (New York, USD, Acme and Boreal) with one fee contract per client, and invoices
 * written straight as drafts of a given total, issued through the real service on a chosen day.
 */
export function openPaymentsDb() {
  const world = openContractsDb();
  const fee = (clientId: number) =>
    activeWith(world.db, { clientId, siteId: world.site.id, type: 'infinity', pricePerThsDay: '0.05', contractedThs: '100' }, []);
  return { ...world, contracts: { acme: fee(world.acme.id), boreal: fee(world.boreal.id) } };
}

export type PaymentsWorld = ReturnType<typeof openPaymentsDb>;

type DraftFields = { clientId: number; contractId: number; period: string; totalMinor: number; currency?: string; netDays?: number; timeZone?: string };

/** A draft invoice of one line for `totalMinor`. */
export function draftInvoice(db: Db, f: DraftFields): number {
  const at = new Date().toISOString();
  const row = db
    .insert(invoices)
    .values({
      clientId: f.clientId,
      contractId: f.contractId,
      period: f.period,
      periodFrom: `${f.period}-01T05:00:00.000Z`,
      periodTo: `${f.period}-28T05:00:00.000Z`,
      timeZone: f.timeZone ?? 'America/New_York',
      status: 'draft',
      netDays: f.netDays ?? 14,
      currency: f.currency ?? 'USD',
      subtotalMinor: f.totalMinor,
      taxMinor: 0,
      totalMinor: f.totalMinor,
      taxExempt: false,
      billToJson: '{}',
      createdAt: at,
      updatedAt: at,
    })
    .returning()
    .get();
  db.insert(invoiceLines)
    .values({
      invoiceId: row.id,
      position: 1,
      contractId: f.contractId,
      method: 'fixed',
      quantity: '1',
      unit: 'month',
      rate: '1',
      amountMinor: f.totalMinor,
      billedSeconds: 0,
      fallbackSeconds: 0,
      explanation: 'Test line',
    })
    .run();
  return row.id;
}

/** A draft issued on `issuedAt` (due `netDays` later in its zone's calendar); returns its id. */
export function issuedInvoice(db: Db, f: DraftFields & { issuedAt: string }): number {
  const id = draftInvoice(db, f);
  issueInvoice(db, id, actor, new Date(f.issuedAt));
  return id;
}

export const invoiceRow = (db: Db, id: number) => db.select().from(invoices).where(eq(invoices.id, id)).get()!;

/** A payment through the real service, with the contract schema's parsing and defaults. */
export function pay(
  db: Db,
  fields: Partial<Input<'payments.record'>> & Pick<Input<'payments.record'>, 'clientId' | 'amount'>,
  now = new Date('2026-06-01T15:00:00Z'),
) {
  const input = contract['payments.record'].input.parse({ method: 'bank_transfer', currency: 'USD', receivedAt: '2026-06-01', ...fields });
  return recordPayment(db, input, actor, now);
}

/** A miner of the client on the holding pool, as the redirect action leaves it. */
export function redirectMiner(db: Db, minerId: number, clientId: number): void {
  db.insert(poolRedirects).values({ minerId, clientId, originalPoolsEnc: 'sealed', redirectedAt: '2026-05-01T00:00:00Z', redirectedBy: actor }).run();
}
