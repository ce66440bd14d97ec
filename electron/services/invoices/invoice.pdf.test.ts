import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { line, sampleInvoice } from '../../../tests/helpers/invoice-pdf-fixtures';
import { invoicePdfFileName, renderInvoicePdf } from './invoice.pdf';

const dir = mkdtempSync(join(tmpdir(), 'hashdesk-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The PDF's text, page by page (pdftotext separates pages with a form feed). */
function pagesOf(pdf: Buffer, name: string): string[] {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((page) => page.trim() !== '');
}

describe('invoice PDF', () => {
  it('prints the number, the client in Unicode, line amounts, tax, total and payment instructions', async () => {
    const [page, ...rest] = pagesOf(await renderInvoicePdf(sampleInvoice()), 'one');
    expect(rest).toEqual([]);
    for (const text of ['INVOICE', 'INV-2026-000123', 'Zoë Łukasiewicz', 'Müller GmbH', 'Königstraße 12', '30-001 Kraków', 'HD-2026-0042']) {
      expect(page).toContain(text);
    }
    for (const text of ['$165.41', '$1,000.00', '$6.54', '$158.87', 'VAT (10%)', '$133.08', '$1,330.82', '$1,463.90', 'Íslandsbanki', 'bc1qexampleaddress']) {
      expect(page).toContain(text);
    }
    expect(page).toMatch(/2 Apr 2026/);
    expect(page).toMatch(/17 Apr 2026/);
    expect(page).toMatch(/Period\s+1 Mar 2026 – 31 Mar 2026/);
    expect(page).toContain('Page 1 of 1');
  });

  it('writes DRAFT for an invoice without a number, and a credit note under its own title naming the invoice', async () => {
    const [draft] = pagesOf(await renderInvoicePdf(sampleInvoice({ number: null, status: 'draft', issueDate: null, dueDate: null })), 'draft');
    expect(draft).toContain('DRAFT');
    expect(draft).not.toContain('INV-2026');
    const credit = sampleInvoice({
      kind: 'credit_note',
      number: 'CN-2026-000001',
      lines: [line(1, { amount: '-165.41' })],
      subtotal: '-165.41',
      taxes: [{ name: 'VAT', percent: '10', amount: '-16.54' }],
      total: '-181.95',
      reason: 'Miner offline for a week',
      credits: { id: 12, number: 'INV-2026-000123' },
    });
    const [page] = pagesOf(await renderInvoicePdf(credit), 'credit');
    expect(page).toContain('CREDIT NOTE');
    expect(page).toContain('CN-2026-000001');
    expect(page).toMatch(/Credits invoice\s+INV-2026-000123/);
    expect(page).toContain('-$181.95');
    expect(page).toContain('Miner offline for a week');
    expect(page).not.toContain('Íslandsbanki');
  });

  it('runs 200 lines over several pages, each with the table header and Page N of M', async () => {
    const lines = Array.from({ length: 200 }, (_, i) => line(i + 1));
    const pdf = await renderInvoicePdf(sampleInvoice({ lines }));
    const pages = pagesOf(pdf, 'long');
    expect(pages.length).toBeGreaterThanOrEqual(4);
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      if (i < pages.length - 1 || page.includes('S19-')) expect(page).toMatch(/Miner or item\s+Method\s+Quantity\s+Unit price\s+Amount/);
    });
    const printed = pages.join('\n').match(/S19-\d{4}/g) ?? [];
    expect(new Set(printed).size).toBe(200);
    expect(pages.at(-1)).toContain('$1,463.90');
  });

  it('prints the same bytes for the same invoice, and Letter paper when asked', async () => {
    const first = await renderInvoicePdf(sampleInvoice());
    const second = await renderInvoicePdf(sampleInvoice());
    expect(first.equals(second)).toBe(true);
    const letter = await renderInvoicePdf(sampleInvoice(), { paperSize: 'LETTER' });
    const file = join(dir, 'letter.pdf');
    writeFileSync(file, letter);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+612 x 792/);
  });

  it('names the file after the number, or as a draft', () => {
    expect(invoicePdfFileName(sampleInvoice())).toBe('INV-2026-000123.pdf');
    expect(invoicePdfFileName(sampleInvoice({ number: null }))).toBe('invoice-draft-12.pdf');
  });
});
