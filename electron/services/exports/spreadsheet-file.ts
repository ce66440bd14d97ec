import type { Worksheet } from 'exceljs';
import Papa from 'papaparse';
import type { FileDownload, ImportFormat } from '../../contract/miners.import';
import { guardCsvText, guardXlsxText, needsCsvQuotes, startsLikeFormula } from './formula-guard';

export type Cell = string | number | null;
export type SheetData = { name: string; headers: string[]; rows: Cell[][] };

const mimes: Record<ImportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const csvCell = (cell: Cell): Cell => (typeof cell === 'string' ? guardCsvText(cell) : cell);

/** CSV in UTF-8 with a byte-order mark, so Excel opens accents and e-mails right; only the first sheet. */
function csvBytes(sheet: SheetData): Buffer {
  const text = Papa.unparse(
    { fields: sheet.headers.map(guardCsvText), data: sheet.rows.map((row) => row.map(csvCell)) },
    { quotes: (value: unknown) => needsCsvQuotes(value) },
  );
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}

/** One row of cells: text is always a text cell (ExcelJS writes a formula only from a { formula } value), formula-like text also formatted as Text. */
function addXlsxRow(sheet: Worksheet, cells: readonly Cell[]): void {
  const row = sheet.addRow(cells.map((cell) => (typeof cell === 'string' ? guardXlsxText(cell) : cell)));
  cells.forEach((cell, i) => {
    if (typeof cell === 'string' && startsLikeFormula(cell)) row.getCell(i + 1).numFmt = '@';
  });
}

async function xlsxBytes(sheets: readonly SheetData[]): Promise<Buffer> {
  // Loaded on first use: ExcelJS is a large module, and the app starts without it.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Hashdesk';
  for (const data of sheets) {
    const sheet = book.addWorksheet(data.name);
    addXlsxRow(sheet, data.headers);
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of data.rows) addXlsxRow(sheet, row);
    sheet.columns.forEach((column, i) => {
      const longest = Math.max(data.headers[i]?.length ?? 0, ...data.rows.slice(0, 500).map((row) => String(row[i] ?? '').length));
      column.width = Math.min(Math.max(longest + 2, 8), 50);
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The sheets as a file to download: CSV takes the first sheet, XLSX all of them. Every text cell passes the formula guard. */
export async function spreadsheetFile(format: ImportFormat, baseName: string, sheets: readonly SheetData[]): Promise<FileDownload> {
  const bytes = format === 'csv' ? csvBytes(sheets[0]) : await xlsxBytes(sheets);
  return { fileName: `${baseName}.${format}`, mime: mimes[format], base64: bytes.toString('base64') };
}
