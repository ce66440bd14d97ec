import { z } from 'zod';
import { periodSchema } from './billing';
import { call } from './define';
import { dateSchema, idSchema } from './fields';
import type { FileDownload } from './miners.import';

export const reportFormats = ['xlsx', 'csv'] as const;
export type ReportFormat = (typeof reportFormats)[number];
export const accountingExportKinds = ['invoices', 'payments'] as const;
export type AccountingExportKind = (typeof accountingExportKinds)[number];

/** Miner rows a performance report lists at most (its client totals always count every miner); a site or client narrows it. */
export const performanceMinerRowCap = 50_000;

/** A statement queued for e-mail: its message in the outbox and where it goes. */
export type StatementSendResult = { messageId: number; to: string[]; summary: string };

const formatSchema = z.enum(reportFormats, { error: 'must be xlsx or csv' });

/** From and to, inclusive, in the organisation's calendar. */
const fromNotAfterTo = {
  check: (span: { from: string; to: string }) => span.from <= span.to,
  message: { message: 'must not be after the end date', path: ['from'] },
};

const statementInput = z.object({ clientId: idSchema, from: dateSchema, to: dateSchema }).strict().refine(fromNotAfterTo.check, fromNotAfterTo.message);

export const reportCalls = {
  /**
   * The client's statement of account as a PDF: per currency, the balance before `from`, every invoice, credit
   * note, void, payment and refund from `from` to `to` (inclusive) with the running balance, and the balance at
   * the end; read from the same journal as clients.journal.
   */
  'clients.statement': call<FileDownload>()(statementInput),
  /** Queues the statement PDF for e-mail to the client's billing address, with the Statement template. */
  'clients.statement.send': call<StatementSendResult>()(statementInput),
  /**
   * The month's energy (MoonOne's consumption download): a Summary (client, miners, kWh, amount), a Daily sheet
   * (client × day in the site's calendar) and a per-miner Detail (the month's kWh); CSV holds all three in one table with a
   * Section column. kWh come from the billing engine (metered where a counter is mapped, else calculated);
   * amounts from the month's invoices, else the billing preview.
   */
  'reports.monthlyConsumption': call<FileDownload>()(z.object({ period: periodSchema, clientId: idSchema.optional(), format: formatSchema }).strict()),
  /**
   * Uptime and hashrate per client per month, from the miners' hourly telemetry: per client (Summary) and per miner under
   * each contract (Miners): hours in the month on the contract, hours online, uptime %, average TH/s (offline hours count
   * as 0, and while online) against the model's nominal TH/s. The month is each contract's site calendar. The Miners
   * sheet lists at most performanceMinerRowCap rows (`truncated` says so); the Summary counts every miner.
   */
  'reports.clientPerformance': call<FileDownload & { rows: number; truncated: boolean }>()(
    z.object({ period: periodSchema, siteId: idSchema.optional(), clientId: idSchema.optional(), format: formatSchema }).strict(),
  ),
  /** Invoices (by issue date) or payments (by date received) from `from` to `to`, for the accountant. */
  'reports.exports': call<FileDownload & { rows: number }>()(
    z
      .object({
        kind: z.enum(accountingExportKinds, { error: 'must be invoices or payments' }),
        from: dateSchema,
        to: dateSchema,
        format: formatSchema,
      })
      .strict()
      .refine(fromNotAfterTo.check, fromNotAfterTo.message),
  ),
};
