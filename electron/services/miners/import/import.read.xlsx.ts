import type ExcelJS from 'exceljs';
import { boundedCells, maxImportColumns, refuse, sheetCounter, type RawSheet, type SheetRow } from './import.limits';
import { assertXlsxWithinLimits } from './import.xlsx-scan';

function xlsxCellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'object') return String(value);
  if ('formula' in value || 'sharedFormula' in value) {
    throw refuse(
      `Cell ${cell.address} holds a formula. Formulas are not imported: replace them with their values (copy, then paste values) and save the file again.`,
    );
  }
  if ('error' in value) throw refuse(`Cell ${cell.address} shows the error ${String(value.error)}. Fix or clear that cell and save the file again.`);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) return String(value.text);
  return cell.text;
}

/** The first worksheet's rows, checked against the limits before the workbook is opened. */
export async function readXlsxRows(bytes: Buffer): Promise<RawSheet> {
  assertXlsxWithinLimits(bytes);
  // Loaded on the first workbook only: a CSV, or a workbook the scan refuses, never waits for it.
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw refuse(
      'The file looks like an XLSX workbook but cannot be read; it may be damaged or password-protected. Open it in Excel and save it again, or save it as CSV UTF-8.',
    );
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw refuse('The workbook has no worksheet. Put the miners on the first sheet, with a header row.');
  const count = sheetCounter();
  let header: string[] = [];
  const rows: SheetRow[] = [];
  let lastRow = 1;
  sheet.eachRow((row, rowNumber) => {
    // The scan refused every cell right of the last column read, so the row is at most that wide.
    const texts: string[] = [];
    for (let column = 1; column <= Math.min(row.cellCount, maxImportColumns); column += 1) {
      const cell = row.findCell(column);
      if (cell) texts[column - 1] = xlsxCellText(cell);
    }
    const cells = boundedCells(texts, rowNumber);
    if (cells === null) return;
    if (rowNumber === 1) header = cells;
    else {
      count(cells);
      rows.push({ row: rowNumber, cells });
      lastRow = rowNumber;
    }
  });
  return { header, rows, emptyRows: lastRow - 1 - rows.length };
}
