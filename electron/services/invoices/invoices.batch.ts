import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/open-db';
import { AppError } from '../../contract/errors';
import type { BatchProgress, BatchResult } from '../../contract/invoices';
import { recordAudit } from '../audit/record-audit';
import { requireClient } from '../clients/clients.guards';
import { generateClientInvoices, type GenerateOptions } from './invoices.generate';

/**
 * Batch invoicing in the background: the clients one after another, each in its own transaction
 * (invoices.generate.ts), giving the event loop back every few milliseconds so the API keeps answering
 * (progress, cancel, the rest of the app). Cancel stops after the client in hand; what was committed
 * stays, and running the batch again completes it. One batch at a time per process; two processes on
 * one file are safe too (each client's transaction re-reads what is there).
 */

export type InvoiceBatches = {
  run(input: { period: string; clientIds?: number[] } & GenerateOptions, actor: string): Promise<BatchResult & { batchId: number }>;
  status(): BatchProgress | null;
  cancel(): BatchProgress | null;
};

/** Work this long between two yields to the event loop. */
const SLICE_MS = 25;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Clients with a contract (not a draft) whose dates touch the month in any zone: the batch's default list. */
function clientsWithContractsIn(db: Db, period: string): number[] {
  const [year, month] = period.split('-').map(Number);
  const pad = 14 * 3600 * 1000;
  const fromIso = new Date(Date.UTC(year, month - 1, 1) - pad).toISOString();
  const toIso = new Date(Date.UTC(year, month, 1) + pad).toISOString();
  return db
    .all<{ id: number }>(
      sql`SELECT DISTINCT client_id AS id FROM contracts WHERE status <> 'draft' AND starts_at < ${toIso} AND ends_at > ${fromIso} ORDER BY client_id`,
    )
    .map((r) => r.id);
}

export function createInvoiceBatches(db: Db, clock: () => Date = () => new Date()): InvoiceBatches {
  let current: (BatchProgress & { cancelRequested: boolean }) | null = null;
  let lastId = 0;
  const view = (): BatchProgress | null => {
    if (!current) return null;
    const { cancelRequested: _cancel, ...progress } = current;
    return { ...progress, invoiceIds: [...progress.invoiceIds] };
  };

  async function run(input: Parameters<InvoiceBatches['run']>[0], actor: string) {
    if (current?.state === 'running') {
      throw new AppError(
        'CONFLICT',
        `A batch for ${current.period} is running (${current.clientsDone} of ${current.clients} clients done). Wait for it or cancel it.`,
      );
    }
    const clientIds = input.clientIds ? [...new Set(input.clientIds)] : clientsWithContractsIn(db, input.period);
    for (const id of clientIds) requireClient(db, id);
    const batch: BatchProgress & { cancelRequested: boolean } = {
      id: (lastId += 1),
      period: input.period,
      state: 'running',
      clients: clientIds.length,
      clientsDone: 0,
      created: 0,
      refreshed: 0,
      skipped: 0,
      held: 0,
      issued: 0,
      invoiceIds: [],
      startedAt: clock().toISOString(),
      finishedAt: null,
      error: null,
      cancelRequested: false,
    };
    current = batch;
    let sliceStart = Date.now();
    try {
      // The caller gets the running batch's status (and may cancel it) before the first client.
      await yieldToEventLoop();
      for (const clientId of clientIds) {
        if (batch.cancelRequested) break;
        const outcome = generateClientInvoices(db, clientId, input.period, input, actor, clock());
        batch.created += outcome.created;
        batch.refreshed += outcome.refreshed;
        batch.skipped += outcome.skipped;
        batch.held += outcome.held;
        batch.issued += outcome.issued;
        batch.invoiceIds.push(...outcome.invoiceIds);
        batch.clientsDone += 1;
        if (Date.now() - sliceStart >= SLICE_MS) {
          await yieldToEventLoop();
          sliceStart = Date.now();
        }
      }
      batch.state = batch.cancelRequested ? 'cancelled' : 'done';
    } catch (error) {
      batch.state = 'failed';
      batch.error =
        error instanceof AppError ? error.message : 'The batch stopped on an unexpected error; what was done before it is kept. Run it again to complete it.';
      throw error;
    } finally {
      batch.finishedAt = clock().toISOString();
      recordAudit(db, {
        actor,
        action: 'invoices.batch',
        entity: 'invoice_batch',
        entityId: input.period,
        after: {
          period: input.period,
          state: batch.state,
          clients: batch.clients,
          clientsDone: batch.clientsDone,
          created: batch.created,
          refreshed: batch.refreshed,
          skipped: batch.skipped,
          held: batch.held,
          issued: batch.issued,
        },
      });
    }
    const { created, refreshed, skipped, held, issued } = batch;
    return { batchId: batch.id, created, refreshed, skipped, held, issued, invoiceIds: [...batch.invoiceIds] };
  }

  return {
    run,
    status: view,
    cancel() {
      if (current?.state === 'running') current.cancelRequested = true;
      return view();
    },
  };
}
