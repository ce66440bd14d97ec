import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, mailAttachments, mailMessages } from '../../../db/schema';
import { issuedInvoice, openPaymentsDb, pay, type PaymentsWorld } from '../../../tests/helpers/payment-fixtures';
import type { CallName } from '../../contract';
import { permissionsOfRole } from '../../contract/roles';
import { dispatch } from '../../transports/dispatch';
import { createHandlers } from '../handlers';

let w: PaymentsWorld;
let run: (name: CallName, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
beforeEach(() => {
  w = openPaymentsDb();
  const handlers = createHandlers(w.db, { version: 'test' });
  run = (name, input) => dispatch(handlers, name, input, { actor: 'tester', log: { error: vi.fn(), info: vi.fn() }, permissions: permissionsOfRole('administrator') }) as never;
});
afterEach(() => w.t.close());

async function refused(name: CallName, input: unknown): Promise<string> {
  const outcome = await run(name, input);
  expect(outcome.ok).toBe(false);
  return outcome.error!.message;
}

const outbox = () => w.db.select().from(mailMessages).all();

describe('clients.statement and clients.statement.send at the boundary', () => {
  it('refuses a period ending before it starts, a date that does not exist, an unknown client and extra fields, sending nothing', async () => {
    const span = { clientId: w.acme.id, from: '2026-04-01', to: '2026-04-30' };
    for (const name of ['clients.statement', 'clients.statement.send'] as const) {
      expect(await refused(name, { ...span, from: '2026-05-01' })).toMatch(/must not be after the end date/);
      expect(await refused(name, { ...span, to: '2026-02-30' })).toMatch(/real calendar date/);
      expect(await refused(name, { ...span, clientId: 999 })).toBe('Client #999 was not found. Refresh the list and try again.');
      expect(await refused(name, { ...span, paperSize: 'A4' })).toMatch(/paperSize/);
    }
    expect(outbox()).toEqual([]);
  });

  it('prints the statement as a PDF, and queues it for e-mail with the Statement template and one audit row', async () => {
    issuedInvoice(w.db, { clientId: w.acme.id, contractId: w.contracts.acme.id, period: '2026-03', totalMinor: 12_345, issuedAt: '2026-04-03T15:00:00Z' });
    const printed = await run('clients.statement', { clientId: w.acme.id, from: '2026-04-01', to: '2026-04-30' });
    expect(printed.value).toMatchObject({ fileName: 'statement-Acme_Hashing-2026-04-01-2026-04-30.pdf', mime: 'application/pdf' });
    expect(Buffer.from((printed.value as { base64: string }).base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    const sent = await run('clients.statement.send', { clientId: w.acme.id, from: '2026-04-01', to: '2026-04-30' });
    expect(sent.value).toMatchObject({ to: ['ops@acme.com'], summary: 'Statement for 1 Apr 2026 – 30 Apr 2026 queued for e-mail to ops@acme.com.' });
    const [message] = outbox();
    expect(message).toMatchObject({ status: 'queued', template: 'statement', relatedKind: 'statement', relatedId: w.acme.id, clientId: w.acme.id });
    expect(message.subject).toBe('Statement of account from Test Hosting');
    expect(message.body).toContain('statement for 1 Apr 2026 to 30 Apr 2026. Opening balance $0.00 USD, closing balance $123.45 USD.');
    const [attachment] = w.db.select().from(mailAttachments).where(eq(mailAttachments.messageId, message.id)).all();
    expect(attachment).toMatchObject({ fileName: 'statement-Acme_Hashing-2026-04-01-2026-04-30.pdf', contentType: 'application/pdf' });
    expect(attachment.content!.subarray(0, 5).toString()).toBe('%PDF-');
    const audit = w.db.select().from(auditLog).where(eq(auditLog.action, 'client.statement_queued')).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'tester', entity: 'client', entityId: String(w.acme.id) });
  });
});

describe('reports.monthlyConsumption at the boundary', () => {
  it('refuses a month that does not exist, an unknown format or client, and answers an empty month with headers only', async () => {
    expect(await refused('reports.monthlyConsumption', { period: '2026-13', format: 'xlsx' })).toMatch(/must be a month like 2026-03/);
    expect(await refused('reports.monthlyConsumption', { period: '2026-03', format: 'pdf' })).toMatch(/must be xlsx or csv/);
    expect(await refused('reports.monthlyConsumption', { period: '2026-03', format: 'csv', clientId: 999 })).toBe(
      'Client #999 was not found. Refresh the list and try again.',
    );
    const empty = await run('reports.monthlyConsumption', { period: '2020-01', format: 'csv' });
    const text = Buffer.from((empty.value as { base64: string }).base64, 'base64').toString('utf8');
    expect(text.trim()).toBe('Section,Client,Date,Miner,Contract,Method,Miners,kWh,Amount,Currency,Amount from');
  });
});

describe('reports.exports at the boundary', () => {
  it("lists the period's issued invoices and payments for the accountant, and refuses an unknown kind or a backwards period", async () => {
    issuedInvoice(w.db, { clientId: w.acme.id, contractId: w.contracts.acme.id, period: '2026-03', totalMinor: 12_345, issuedAt: '2026-04-03T15:00:00Z' });
    issuedInvoice(w.db, { clientId: w.boreal.id, contractId: w.contracts.boreal.id, period: '2026-04', totalMinor: 500, issuedAt: '2026-05-03T15:00:00Z' });
    pay(w.db, { clientId: w.acme.id, amount: '100.50', reference: '=WIRE', receivedAt: '2026-04-12' }, new Date('2026-04-12T15:00:00Z'));
    const csv = async (kind: string) => {
      const outcome = await run('reports.exports', { kind, from: '2026-04-01', to: '2026-04-30', format: 'csv' });
      const file = outcome.value as { base64: string; rows: number; fileName: string };
      return { ...file, lines: Buffer.from(file.base64, 'base64').toString('utf8').trim().split('\r\n') };
    };
    const invoices = await csv('invoices');
    expect(invoices).toMatchObject({ rows: 1, fileName: 'invoices-2026-04-01-2026-04-30.csv' });
    // The status in words, as the app shows it today: partly paid and past its due date is Overdue.
    expect(invoices.lines[1]).toMatch(/^2026-000001,Invoice,Acme Hashing,2026-04-03,.*,2026-03,Overdue,USD,123.45,0,123.45,100.5$/);
    const payments = await csv('payments');
    expect(payments.rows).toBe(1);
    expect(payments.lines[1]).toBe("1,Acme Hashing,2026-04-12,Bank transfer,'=WIRE,USD,100.5,0,100.5,0,0,2026-000001");
    expect(await refused('reports.exports', { kind: 'bills', from: '2026-04-01', to: '2026-04-30', format: 'csv' })).toMatch(/must be invoices or payments/);
    expect(await refused('reports.exports', { kind: 'invoices', from: '2026-05-01', to: '2026-04-30', format: 'csv' })).toMatch(/must not be after the end date/);
  });
});
