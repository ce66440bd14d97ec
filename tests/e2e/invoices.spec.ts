import type { Frame, Page } from '@playwright/test';
import { billingFacility, fixedFeeContract, type Api } from './billing-facility';
import { expect as baseExpect, test } from './fixtures';

// Generating, issuing and crediting each write in an immediate transaction; on the shared two-core machine
// one such round trip has taken several seconds, so the waits are longer than the default.
const expect = baseExpect.configure({ timeout: 30_000 });

/**
 * Two clients with Hosted contracts billed by fixed fees, in force since three months back (so last month,
 * the batch's default, is billed whole): Polar pays 1,500.00 a month and 45.00 for each of its two miners,
 * Tundra 800.00 a month for its one miner. Sales tax 8.25 %.
 */
async function facility(api: Api) {
  const { managerId, siteId, modelId } = await billingFacility(api, { siteZone: 'America/Chicago', taxRates: [{ name: 'Sales tax', percent: '8.25' }] });
  const polar = await api.call('clients.create', { name: 'Polar Hash Co', contactEmail: 'ops@polarhash.example', managerId });
  const tundra = await api.call('clients.create', { name: 'Tundra Mining', contactEmail: 'it@tundra.example', managerId });
  const miner = async (assetId: string, clientId: number) => (await api.call('miners.create', { assetId, modelId, siteId, clientId, state: 'assigned' })).id;
  const minerIds = [await miner('H-001', polar.id), await miner('H-002', polar.id)];
  await fixedFeeContract(api, { clientId: polar.id, siteId, minerIds, fixedMonthlyFee: '1500.00', hostingFeePerMinerMonth: '45.00' });
  await fixedFeeContract(api, { clientId: tundra.id, siteId, minerIds: [await miner('T-001', tundra.id)], fixedMonthlyFee: '800.00' });
  return { polar, tundra };
}

// Dialogs are drawn outside main, so their titles are not the page's heading.
const invoiceHeading = (page: Page) => page.getByRole('main').getByRole('heading', { level: 2 });

/** The preview frame's document type (Chromium's viewer keeps the PDF's own), once the frame has loaded its blob. */
async function framedDocumentType(page: Page): Promise<string> {
  const frameElement = page.getByTitle(/^PDF preview of /);
  await expect(frameElement).toHaveAttribute('src', /^blob:/);
  const src = await frameElement.getAttribute('src');
  let frame: Frame | undefined;
  await baseExpect.poll(() => (frame = page.frames().find((f) => f.url() === src)) !== undefined, { timeout: 30_000 }).toBe(true);
  return frame!.evaluate<string>('document.contentType');
}

test('a batch makes the month’s drafts; one is previewed as a PDF, issued and credited, the other voided, with numbers and statuses shown', async ({
  page,
  api,
}) => {
  test.slow(); // a batch, a PDF and four writes on a shared machine
  const { polar } = await facility(api);

  await page.goto('/invoices');
  await expect(page.getByText('No invoices yet.')).toBeVisible();

  // The batch dialog: last month by default, all clients, left as drafts
  await page.getByRole('button', { name: 'Generate invoices' }).click();
  const dialog = page.getByRole('dialog', { name: 'Generate invoices' });
  const month = await dialog.getByLabel('Billing period', { exact: true }).inputValue();
  expect(month).toMatch(/^[A-Z][a-z]+ \d{4}$/);
  await expect(dialog.getByRole('radio', { name: 'All clients with a contract in force that month' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Skip clients that already have an invoice for this period' })).toBeChecked();
  await dialog.getByRole('radio', { name: /Leave as drafts/ }).check();
  await dialog.getByRole('button', { name: 'Generate' }).click();
  await expect(dialog.getByRole('status')).toContainText('Batch finished');
  await expect(dialog.getByLabel('Created: 2')).toBeVisible();
  await expect(dialog.getByLabel('Held: 0')).toBeVisible();
  await dialog.getByRole('button', { name: `Show ${month} invoices` }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/invoices\?period=\d{4}-\d{2}$/);

  // The list: two drafts, no numbers yet, and what they come to with tax
  const list = page.getByRole('table', { name: 'Invoices', exact: true });
  await expect(list.getByRole('row', { name: /Invoice #\d+ \(draft\).*Polar Hash Co.*Draft.*\$1,721\.18/ })).toBeVisible();
  await expect(list.getByRole('row', { name: /Invoice #\d+ \(draft\).*Tundra Mining.*Draft.*\$866\.00/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Totals of the listed invoices' })).toContainText('USD · 2 documents');
  await expect(page.getByRole('table', { name: 'Totals of the listed invoices' })).toContainText('$2,587.18');

  // Polar's draft: its lines with the engine's explanation, tax half-up on the sum (1,590.00 × 8.25 % = 131.175)
  await list.getByRole('row', { name: /Polar Hash Co/ }).click();
  await expect(invoiceHeading(page)).toHaveText(/^Invoice #\d+ \(draft\)$/);
  const lines = page.getByRole('table', { name: 'Invoice lines' });
  await expect(lines).toContainText('Hosting fee for H-001 (set on the contract)');
  await expect(lines.getByRole('row', { name: /H-002.*Fixed fee.*1 month.*45\.00 USD\/month.*\$45\.00/ })).toBeVisible();
  const totals = page.getByRole('region', { name: 'Invoice totals' });
  await expect(totals).toContainText('Sales tax 8.25%$131.18');
  await expect(totals).toContainText('Total USD$1,721.18');

  // The PDF preview: a frame showing the PDF the server printed
  const printed = page.waitForResponse((response) => response.url().endsWith('/api/invoices.pdf'));
  await page.getByRole('button', { name: 'Preview PDF' }).click();
  const preview = page.getByRole('dialog', { name: /^PDF of Invoice #\d+/ });
  const reply = (await (await printed).json()) as { ok: boolean; value: { fileName: string; base64: string } };
  expect(Buffer.from(reply.value.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(preview.getByText(reply.value.fileName)).toBeVisible();
  expect(await framedDocumentType(page)).toBe('application/pdf');
  await preview.getByRole('button', { name: 'Close' }).click();
  await expect(preview).toBeHidden();

  // Issue: the first number of the year, dated today, no longer a draft
  await page.getByRole('button', { name: 'Issue', exact: true }).click();
  await page
    .getByRole('dialog', { name: /^Issue Invoice #\d+/ })
    .getByRole('button', { name: 'Issue invoice' })
    .click();
  await expect(invoiceHeading(page)).toHaveText(/^INV-\d{4}-000001$/);
  const invoiceNumber = (await invoiceHeading(page).textContent())!;
  await expect(page.getByLabel('Status: Issued')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Issue', exact: true })).toHaveCount(0);

  // A credit note for the second miner's line: its own number, negative, linked both ways
  await page.getByRole('button', { name: 'Credit note' }).click();
  const credit = page.getByRole('dialog', { name: `Credit note for ${invoiceNumber}` });
  await credit.getByRole('radio', { name: /Chosen lines/ }).check();
  await credit.getByRole('button', { name: 'Issue credit note' }).click();
  await expect(credit.getByText('Pick at least one line')).toBeVisible();
  await credit.getByRole('checkbox', { name: 'Credit line 3', exact: true }).check();
  await credit.getByRole('textbox', { name: 'Reason' }).fill('H-002 was down for our maintenance');
  await expect(credit).toContainText('Lines credited: $45.00 before tax.');
  await credit.getByRole('button', { name: 'Issue credit note' }).click();
  await expect(credit).toBeHidden();
  await expect(invoiceHeading(page)).toHaveText(/^CN-\d{4}-000001$/);
  await expect(page.getByRole('region', { name: 'Invoice totals' })).toContainText('Total USD-$48.71'); // 45.00 + 3.7125 tax, half-up
  await page.getByRole('link', { name: invoiceNumber }).click();
  await expect(invoiceHeading(page)).toHaveText(invoiceNumber);
  await expect(page.getByText('Credited by a credit note')).toBeVisible();
  // The credit note counts against what the invoice owes (it is allocated to it, like a payment)
  await expect(page.getByLabel('Status: Partially paid')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Invoice totals' })).toContainText('Owed$1,672.47');
  await expect(page.getByRole('link', { name: /^CN-\d{4}-000001$/ })).toBeVisible();

  // Tundra's draft is voided: a reason is required, then it is Void and keeps no number
  await page.goto('/invoices');
  await list.getByRole('row', { name: /Tundra Mining/ }).click();
  await page.getByRole('button', { name: 'Void', exact: true }).click();
  const voiding = page.getByRole('dialog', { name: /^Void Invoice #\d+/ });
  await voiding.getByRole('button', { name: 'Void invoice' }).click();
  await expect(voiding.getByText('Say why the invoice is void')).toBeVisible();
  await voiding.getByRole('textbox', { name: 'Reason' }).fill('Tundra moved to a new contract next month');
  await voiding.getByRole('button', { name: 'Void invoice' }).click();
  await expect(voiding).toBeHidden();
  await expect(page.getByText('Tundra moved to a new contract next month')).toBeVisible();
  await expect(page.getByLabel('Status: Void')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Void', exact: true })).toHaveCount(0);

  // The list by status, and the client's Financials tab
  await page.goto('/invoices');
  const statusFilter = page.getByRole('radiogroup', { name: 'Status filter' });
  await expect(statusFilter).toContainText('Issued (1)'); // the credit note
  await expect(statusFilter).toContainText('Partially paid (1)');
  await page.getByText('Void (1)').click();
  await expect(page).toHaveURL(/status=void/);
  await expect(list.getByRole('row')).toHaveCount(2); // the header and Tundra's
  await expect(list.getByRole('row', { name: /Tundra Mining.*Void/ })).toBeVisible();
  await page.goto(`/clients/${polar.id}/financials`);
  const own = page.getByRole('table', { name: 'Client invoices' });
  await expect(own.getByRole('row', { name: new RegExp(`${invoiceNumber}.*Partially paid.*\\$1,721\\.18.*\\$1,672\\.47`) })).toBeVisible();
  await expect(own.getByRole('row', { name: /CN-\d{4}-000001.*Issued.*-\$48\.71/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'What this client’s invoices come to' })).toContainText('$1,672.47'); // owed: 1,721.18 less the credit note's 48.71
});
