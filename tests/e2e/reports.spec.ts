import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { billingFacility, fixedFeeContract, monthStart } from './billing-facility';
import { expect as baseExpect, test } from './fixtures';

const expect = baseExpect.configure({ timeout: 30_000 });

test("the Reports page downloads last month's consumption as XLSX, and a client's statement as a PDF", async ({ page, api }) => {
  test.setTimeout(150_000);
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
  const script =
    'import json, sys, openpyxl\nbook = openpyxl.load_workbook(open(sys.argv[1], "rb"))\nprint(json.dumps([book.sheetnames, [list(r) for r in book["Summary"].iter_rows(values_only=True)]]))';
  const [sheets, summary] = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, await xlsx.path()], { encoding: 'utf8' })) as [string[], unknown[][]];
  expect(sheets).toEqual(['Summary', 'Daily', 'Detail']);
  expect(summary[1]).toEqual(['Aurora Hash', 1, 0, 1000, 'USD', 'Invoiced']);

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
  const outbox = await api.call('mail.outbox.list', {});
  expect(JSON.stringify(outbox)).toContain('Statement of account');

  await page.getByLabel('Export from').fill(monthStart(1));
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^invoices-.*\.csv$/);
  expect(readFileSync(await csv.path(), 'utf8')).toMatch(/Aurora Hash,.*,USD,1000,0,1000,0/);
});
