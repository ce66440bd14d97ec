import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { AppError } from '../../../contract/errors';
import { maxImportRows } from '../../../contract/miners.import';
import { counted } from '../../../contract/words';

/** One row of data: its number as the spreadsheet shows it (header = 1) and its cells as text, trimmed. */
export type SheetRow = { row: number; cells: string[] };
export type Sheet = { headers: string[]; rows: SheetRow[]; emptyRows: number };

const refuse = (message: string) => new AppError('INVALID_INPUT', message, { base64: message });

/** Excel column letters: 0 → A, 27 → AB. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const startsWith = (bytes: Buffer, ...prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);

/** Reads the first worksheet of an XLSX file or a CSV file; the kind is read from the first bytes, not the name. */
export async function readSheet(bytes: Buffer): Promise<Sheet> {
  if (bytes.length === 0) throw refuse('The file is empty. Choose a CSV or XLSX file with a header row and one miner per row.');
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return toSheet(await readXlsxCells(bytes));
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0))
    throw refuse('This is an old Excel 97–2003 (.xls) file. Open it in Excel and save it as .xlsx or as CSV UTF-8, then import that file.');
  return toSheet(readCsvCells(bytes));
}

function decodeUtf8(bytes: Buffer): string {
  const saveAs = 'Open it in Excel or a text editor and save it as "CSV UTF-8", then import it again.';
  if (startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff)) throw refuse(`The file is saved as UTF-16 text, not UTF-8. ${saveAs}`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuse(`The file is not UTF-8 text (it may be saved in another encoding, or not be a spreadsheet at all). ${saveAs}`);
  }
  if (text.includes('\0'))
    throw refuse(`The file holds binary data, not CSV text. Choose a CSV or XLSX file, or ${saveAs.charAt(0).toLowerCase()}${saveAs.slice(1)}`);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function readCsvCells(bytes: Buffer): string[][] {
  const parsed = Papa.parse<string[]>(decodeUtf8(bytes), { skipEmptyLines: false });
  // A one-column file has no delimiter to detect; that is not a fault of the file.
  const fault = parsed.errors.find((error) => error.code !== 'UndetectableDelimiter');
  if (fault) {
    const where = fault.row === undefined ? '' : `Row ${fault.row + 1}: `;
    const why = fault.code === 'MissingQuotes' ? 'a quoted cell is never closed' : fault.message.toLowerCase();
    throw refuse(`${where}the CSV file cannot be read: ${why}. Check the file in a spreadsheet program and save it as CSV UTF-8 again.`);
  }
  return parsed.data;
}

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

async function readXlsxCells(bytes: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw refuse(
      'The file looks like an XLSX workbook but cannot be read; it may be damaged or password-protected. Open it in Excel and save it again, or save it as CSV UTF-8.',
    );
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw refuse('The workbook has no worksheet. Put the miners on the first sheet, with a header row.');
  if (sheet.actualRowCount > maxImportRows + 1) throw tooManyRows(sheet.actualRowCount - 1);
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = xlsxCellText(cell);
    });
    rows[rowNumber - 1] = Array.from(cells, (cell) => cell ?? '');
  });
  return Array.from(rows, (row) => row ?? []);
}

const tooManyRows = (rows: number) =>
  refuse(
    `The file has ${rows.toLocaleString('en-US')} rows; one import takes at most ${maxImportRows.toLocaleString('en-US')}. Split it into smaller files and import them one after another.`,
  );

const looksLikeData = (cell: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(cell) || /^([0-9a-f]{2}[:-]){5}[0-9a-f]{2}$/i.test(cell);

/** Header checks and empty-row skipping, the same for both formats. */
function toSheet(raw: string[][]): Sheet {
  const cellsOf = (row: string[] | undefined) => (row ?? []).map((cell) => String(cell ?? '').trim());
  const isEmpty = (cells: string[]) => cells.every((cell) => cell === '');
  const headerCells = cellsOf(raw[0]);
  if (raw.every((row) => isEmpty(cellsOf(row))))
    throw refuse('The file is empty. Put the column names (IP, MAC, Serial, Model…) in row 1 and one miner per row below.');
  if (isEmpty(headerCells)) throw refuse('The file has no header row: row 1 is empty. Put the column names (IP, MAC, Serial, Model…) in row 1.');
  const dataCell = headerCells.find(looksLikeData);
  if (dataCell)
    throw refuse(`Row 1 holds data ("${dataCell}"), not column names. Insert a header row with the column names (IP, MAC, Serial, Model…) above the miners.`);

  const rows: SheetRow[] = [];
  let emptyRows = 0;
  let width = headerCells.length;
  for (let i = 1; i < raw.length; i += 1) {
    const cells = cellsOf(raw[i]);
    if (isEmpty(cells)) {
      emptyRows += 1;
      continue;
    }
    width = Math.max(width, cells.length);
    rows.push({ row: i + 1, cells });
  }
  // A trailing blank line of a CSV file is its end, not an empty row.
  if (raw.length > 1 && isEmpty(cellsOf(raw[raw.length - 1]))) emptyRows -= 1;
  if (rows.length > maxImportRows) throw tooManyRows(rows.length);
  if (rows.length === 0) throw refuse('The file has a header row but no miners below it. Add one miner per row.');

  const usedWidth = Math.max(
    headerCells.reduce((last, cell, i) => (cell ? i + 1 : last), 0),
    ...rows.map((row) => row.cells.reduce((last, cell, i) => (cell ? i + 1 : last), 0)),
  );
  const headers = Array.from({ length: Math.min(width, usedWidth) }, (_, i) => headerCells[i] || `Column ${columnLetter(i)}`);
  assertUniqueHeaders(headers);
  return { headers, rows, emptyRows: Math.max(emptyRows, 0) };
}

function assertUniqueHeaders(headers: string[]): void {
  const seen = new Map<string, string>();
  const twice = new Set<string>();
  for (const header of headers) {
    const key = header.toLowerCase();
    if (seen.has(key)) twice.add(seen.get(key) ?? header);
    else seen.set(key, header);
  }
  if (twice.size > 0) {
    const names = [...twice].map((name) => `"${name}"`).join(', ');
    throw refuse(
      `The header row names ${counted(twice.size, 'column')} twice: ${names}. Give every column its own name (or delete the copy) and import again.`,
    );
  }
}
