import { startTempSmtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { billingFacility, fixedFeeContract, monthStart, type Api } from './billing-facility';
import { expect as baseExpect, test } from './fixtures';

// Recording a payment writes in an immediate transaction; on the shared two-core machine that has taken seconds.
const expect = baseExpect.configure({ timeout: 30_000 });

/** One client, Aurora Hash, on a Hosted contract of 1,000.00 USD a month, and last month's invoice issued. */
async function invoicedClient(api: Api) {
  const { managerId, siteId, modelId } = await billingFacility(api, { siteZone: 'UTC' });
  const client = await api.call('clients.create', { name: 'Aurora Hash', contactEmail: 'ops@aurora.example', managerId });
  const miner = await api.call('miners.create', { assetId: 'AU-001', modelId, siteId, clientId: client.id, state: 'assigned' });
  await fixedFeeContract(api, { clientId: client.id, siteId, minerIds: [miner.id], fixedMonthlyFee: '1000.00' });
  const batch = await api.call('invoices.generateBatch', { period: monthStart(1).slice(0, 7), issue: true });
  return { client, invoiceId: batch.invoiceIds[0] };
}

let sink: SmtpSink;
test.beforeEach(async () => {
  sink = await startTempSmtpSink();
});
test.afterEach(() => sink.stop());

test('a payment recorded in the UI moves the balance, the invoice status and the journal, and e-mails its receipt unless told not to', async ({
  page,
  api,
}) => {
  test.setTimeout(150_000); // two payments, each an immediate transaction, and three page loads on a shared machine
  await api.call('mail.settings.update', {
    host: '127.0.0.1',
    port: sink.port,
    security: 'none',
    fromName: 'Kearney Billing',
    fromAddress: 'billing@kearney.test',
  });
  const { client, invoiceId } = await invoicedClient(api);
  const invoice = await api.call('invoices.get', { id: invoiceId });
  expect(invoice).toMatchObject({ status: 'issued', total: '1000.00' });

  await page.goto(`/clients/${client.id}/financials`);
  await expect(page.getByRole('region', { name: 'Balance (USD)' })).toContainText('$1,000.00');
  await page.getByRole('button', { name: 'Record payment' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record a payment from Aurora Hash' });
  await dialog.getByLabel('Amount').fill('400');
  await dialog.getByLabel('Reference').fill('WIRE-77');
  await expect(dialog.getByRole('checkbox', { name: 'E-mail a receipt' })).toBeChecked();
  await expect(dialog.getByText('The Payment receipt template, to ops@aurora.example')).toBeVisible();
  await dialog.getByRole('button', { name: 'Record payment' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('A receipt is queued for e-mail to ops@aurora.example.')).toBeVisible();
  const [receipt] = await sink.waitFor(1);
  expect(receipt).toMatchObject({ rcptTos: ['ops@aurora.example'], subject: 'Payment received: $400.00 USD' });
  expect(receipt.text).toContain('(reference WIRE-77). Thank you. Your balance is now $600.00 USD.');

  await expect(page.getByRole('region', { name: 'Balance (USD)' })).toContainText('$600.00');
  const invoices = page.getByRole('table', { name: 'Client invoices' });
  await expect(invoices.getByRole('row', { name: new RegExp(invoice.number!) })).toContainText('Partially paid');
  const journal = page.getByRole('table', { name: 'Client journal' });
  await expect(journal.getByRole('row', { name: /Payment.*Bank transfer WIRE-77.*\$400\.00.*\$600\.00/ })).toBeVisible();
  await expect(journal.getByRole('row', { name: new RegExp(`Allocation.*Payment #1.*${invoice.number}.*\\$400\\.00`) })).toBeVisible();

  // The rest from the invoice's own page, 50.00 more than it owes: kept as credit.
  await page.goto(`/invoices/${invoiceId}`);
  await page.getByRole('region', { name: 'Payments on this invoice' }).getByRole('button', { name: 'Record payment' }).click();
  const fromInvoice = page.getByRole('dialog', { name: `Record a payment of ${invoice.number}` });
  await expect(fromInvoice.getByLabel('Amount')).toHaveValue('600.00');
  await fromInvoice.getByLabel('Amount').fill('650');
  await fromInvoice.getByLabel(`Pay on ${invoice.number}`).fill('600');
  await fromInvoice.getByRole('checkbox', { name: 'E-mail a receipt' }).uncheck();
  await fromInvoice.getByRole('button', { name: 'Record payment' }).click();
  await expect(fromInvoice).toBeHidden();
  await expect(page.getByLabel('Status: Paid')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Payments on this invoice' })).toContainText('$600.00 of payment #2');

  await page.goto(`/clients/${client.id}/financials`);
  await expect(page.getByRole('region', { name: 'Credit (USD)' })).toContainText('$50.00');
  await expect(page.getByRole('region', { name: 'Balance (USD)' })).toContainText('-$50.00');
  await expect(journal.getByRole('row', { name: /Payment.*\$650\.00.*-\$50\.00/ })).toBeVisible();
  expect(await api.call('clients.journal', { clientId: client.id })).toMatchObject({
    balances: [{ currency: 'USD', owed: '0.00', credit: '50.00', balance: '-50.00' }],
  });
  expect((await api.call('audit.list', { entity: 'payment' })).rows.map((row) => row.action)).toEqual([
    'payment.allocated',
    'payment.recorded',
    'payment.receipt_queued',
    'payment.recorded',
  ]);
  const outbox = await api.call('mail.outbox.list', {});
  expect(outbox.rows.map((m) => m.template)).toEqual(['receipt']);
  expect(sink.received()).toHaveLength(1);
});
