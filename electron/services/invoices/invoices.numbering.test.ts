import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invoiceLines, invoices } from '../../../db/schema';
import { activeWith, openContractsDb, type ContractsWorld } from '../../../tests/helpers/contract-fixtures';
import { setTaxes } from '../../../tests/helpers/billing-fixtures';
import { forkWorkersTogether } from '../../../tests/helpers/worker-loop';
import { createInvoiceBatches } from './invoices.batch';

let w: ContractsWorld;
beforeEach(() => {
  w = openContractsDb();
  setTaxes(w.db, []);
});
afterEach(() => w.t.close());

const issueTogether = (file: string, batches: number[][]) =>
  forkWorkersTogether(fileURLToPath(new URL('../../../tests/helpers/issue-worker.ts', import.meta.url)), file, batches);

describe('invoice numbers under concurrent issue', () => {
  it('stay gapless and unique when four processes issue at once, and a refused issue uses no number', async () => {
    for (let i = 0; i < 24; i += 1)
      activeWith(w.db, { clientId: w.acme.id, siteId: w.site.id, type: 'infinity', pricePerThsDay: '0.05', contractedThs: '10' }, []);
    const made = await createInvoiceBatches(w.db).run({ period: '2026-03', skipExisting: false, issue: false }, 'tester');
    expect(made.created).toBe(24);
    // Four drafts lose their lines: issuing them is refused after the others have started taking numbers.
    const refused = made.invoiceIds.slice(0, 4);
    for (const id of refused) w.db.delete(invoiceLines).where(eq(invoiceLines.invoiceId, id)).run();
    const batches = [0, 1, 2, 3].map((k) => made.invoiceIds.filter((_, i) => i % 4 === k).reverse());
    const outcomes = await issueTogether(w.t.file, batches);
    const numbers = outcomes.map((o) => o.number).filter((n): n is string => n !== null);
    const year = new Date().getUTCFullYear();
    expect([...numbers].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `INV-${year}-${String(i + 1).padStart(6, '0')}`));
    expect(
      outcomes
        .filter((o) => o.error)
        .map((o) => o.id)
        .sort(),
    ).toEqual([...refused].sort());
    expect(outcomes.find((o) => o.error)?.error).toMatch(/has no lines/);
    expect(w.db.select().from(invoices).where(eq(invoices.status, 'issued')).all()).toHaveLength(20);
  }, 60_000);
});
