import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { FileDownload, ImportFormat } from '../../contract/miners.import';

export type Cell = string | number | null;
export type SheetData = { name: string; headers: string[]; rows: Cell[][] };

/**
 * A cell a spreadsheet could run as a formula (= + - @, or a tab or return before one) gets a leading
 * apostrophe: an exported note like "=HYPERLINK(…)" stays text. The importer takes the apostrophe off.
 */
export const guardCell = (cell: Cell): Cell => (typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

const mimes: Record<ImportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** CSV in UTF-8 with a byte-order mark, so Excel opens accents and e-mails right; only the first sheet. */
function csvBytes(sheet: SheetData): Buffer {
  const text = Papa.unparse({ fields: sheet.headers.map((header) => String(guardCell(header))), data: sheet.rows.map((row) => row.map(guardCell)) });
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}

async function xlsxBytes(sheets: readonly SheetData[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Hashdesk';
  for (const data of sheets) {
    const sheet = book.addWorksheet(data.name);
    sheet.addRow(data.headers);
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of data.rows) sheet.addRow(row.map(guardCell));
    sheet.columns.forEach((column, i) => {
      const longest = Math.max(data.headers[i]?.length ?? 0, ...data.rows.slice(0, 500).map((row) => String(row[i] ?? '').length));
      column.width = Math.min(Math.max(longest + 2, 8), 50);
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The sheets as a file to download: CSV takes the first sheet, XLSX all of them. */
export async function spreadsheetFile(format: ImportFormat, baseName: string, sheets: readonly SheetData[]): Promise<FileDownload> {
  const bytes = format === 'csv' ? csvBytes(sheets[0]) : await xlsxBytes(sheets);
  return { fileName: `${baseName}.${format}`, mime: mimes[format], base64: bytes.toString('base64') };
}
