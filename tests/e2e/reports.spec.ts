import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { startTempSmtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { billingFacility, fixedFeeContract, monthStart } from './billing-facility';
import { expect as baseExpect, test } from './fixtures';

const expect = baseExpect.configure({ timeout: 30_000 });

let sink: SmtpSink;
test.beforeEach(async () => {
  sink = await startTempSmtpSink();
});
test.afterEach(() => sink.stop());

/** Each sheet's rows as openpyxl reads them. */
const readBook = (path: string): Record<string, unknown[][]> =>
  JSON.parse(
    execFileSync(
      '/usr/bin/python3',
      [
        '-c',
        'import json, sys, openpyxl\nbook = openpyxl.load_workbook(open(sys.argv[1], "rb"))\nprint(json.dumps({s.title: [list(r) for r in s.iter_rows(values_only=True)] for s in book.worksheets}))',
        path,
      ],
      { encoding: 'utf8' },
    ),
  ) as Record<string, unknown[][]>;

test("the Reports page downloads last month's consumption and uptime as XLSX, and a client's statement as a PDF that reaches the client by e-mail", async ({
  page,
  api,
}) => {
  test.setTimeout(150_000);
  await api.call('mail.settings.update', {
    host: '127.0.0.1',
    port: sink.port,
    security: 'none',
    fromName: 'Kearney Billing',
    fromAddress: 'billing@kearney.test',
  });
  const { managerId, siteId, modelId } = await billingFacility(api, { siteZone: 'UTC' });
  const client = await api.call('clients.create', { name: 'Aurora Hash', contactEmail: 'ops@aurora.example', managerId });
  const miner = await api.call('miners.create', { assetId: 'AU-001', modelId, siteId, clientId: client.id, state: 'assigned' });
  await fixedFeeContract(api, { clientId: client.id, siteId, minerIds: [miner.id], fixedMonthlyFee: '1000.00' });
  const period = monthStart(1).slice(0, 7);
  await api.call('invoices.generateBatch', { period, issue: true });

  await page.goto('/reports');
  await expect(page.getByRole('heading', { name: 'Monthly consumption' })).toBeVisible();
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download XLSX' }).click()]);
  expect(xlsx.suggestedFilename()).toBe(`consumption-${period}.xlsx`);
  const consumption = readBook(await xlsx.path());
  expect(Object.keys(consumption)).toEqual(['Summary', 'Daily', 'Detail']);
  expect(consumption.Summary[1]).toEqual(['Aurora Hash', 1, 0, 1000, 'USD', 'Invoiced']);

  // Uptime and hashrate: the miner never reported, so every hour of last month (UTC site) is an hour offline.
  await expect(page.getByRole('heading', { name: 'Uptime and hashrate' })).toBeVisible();
  const [uptime] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download uptime XLSX' }).click()]);
  expect(uptime.suggestedFilename()).toBe(`performance-${period}.xlsx`);
  const monthHours = (Date.parse(monthStart(0)) - Date.parse(monthStart(1))) / 3_600_000;
  expect(readBook(await uptime.path()).Summary).toEqual([
    ['Client', 'Miners', 'Miner-hours', 'Hours online', 'Uptime %', 'Avg TH/s', 'Nominal TH/s', '% of nominal'],
    ['Aurora Hash', 1, monthHours, 0, 0, 0, 200, 0],
  ]);

  const picker = page.getByRole('combobox', { name: 'Client for a statement', exact: true });
  await picker.click();
  await picker.fill('Aurora');
  await page.getByRole('option', { name: /Aurora Hash/ }).click();
  await page.getByLabel('Statement from').fill(monthStart(1));
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download statement' }).click()]);
  expect(pdf.suggestedFilename()).toMatch(/^statement-Aurora_Hash-.*\.pdf$/);
  const text = execFileSync('pdftotext', ['-layout', await pdf.path(), '-'], { encoding: 'utf8' });
  expect(text).toContain('Aurora Hash');
  expect(text).toMatch(/Closing balance USD\s+\$1,000\.00/);

  await page.getByRole('button', { name: 'E-mail statement' }).click();
  await expect(page.getByText(/Statement for .* queued for e-mail to ops@aurora\.example/)).toBeVisible();
  const [mail] = await sink.waitFor(1);
  expect(mail).toMatchObject({
    rcptTos: ['ops@aurora.example'],
    from: 'Kearney Billing <billing@kearney.test>',
    subject: 'Statement of account from Kearney Hosting',
  });
  expect(mail.text).toContain('Dear Aurora Hash,');
  expect(mail.text).toMatch(/closing balance \$1,000\.00 USD/);
  expect(mail.attachments).toEqual([
    { fileName: expect.stringMatching(/^statement-Aurora_Hash-.*\.pdf$/), contentType: 'application/pdf', size: expect.any(Number), head: '%PDF-1.3' },
  ]);
  await expect.poll(async () => (await api.call('mail.outbox.list', { status: 'sent' })).rows.map((m) => m.template)).toEqual(['statement']);

  await page.getByLabel('Export from').fill(monthStart(1));
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^invoices-.*\.csv$/);
  expect(readFileSync(await csv.path(), 'utf8')).toMatch(/Aurora Hash,.*,USD,1000,0,1000,0/);
});
