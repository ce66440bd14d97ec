import { maxImportRows } from '../../../contract/miners.import';
import { counted } from '../../../contract/words';
import { columnLetter, refuse, tooManyRows, type RawSheet, type SheetRow } from './import.limits';
import { readCsvRows } from './import.read.csv';
import { readXlsxRows } from './import.read.xlsx';

export type { SheetRow };
export type Sheet = { headers: string[]; rows: SheetRow[]; emptyRows: number };

const startsWith = (bytes: Buffer, ...prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);

/** Reads the first worksheet of an XLSX file or a CSV file; the kind is read from the first bytes, not the name. */
export async function readSheet(bytes: Buffer): Promise<Sheet> {
  if (bytes.length === 0) throw refuse('The file is empty. Choose a CSV or XLSX file with a header row and one miner per row.');
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return toSheet(await readXlsxRows(bytes));
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0))
    throw refuse('This is an old Excel 97–2003 (.xls) file. Open it in Excel and save it as .xlsx or as CSV UTF-8, then import that file.');
  if (startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff))
    throw refuse('The file is saved as UTF-16 text, not UTF-8. Open it in Excel or a text editor and save it as "CSV UTF-8", then import it again.');
  return toSheet(readCsvRows(bytes));
}

const looksLikeData = (cell: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(cell) || /^([0-9a-f]{2}[:-]){5}[0-9a-f]{2}$/i.test(cell);

/** Header checks, the same for both formats. */
function toSheet(raw: RawSheet): Sheet {
  const headerCells = raw.header;
  if (headerCells.length === 0 && raw.rows.length === 0)
    throw refuse('The file is empty. Put the column names (IP, MAC, Serial, Model…) in row 1 and one miner per row below.');
  if (headerCells.length === 0) throw refuse('The file has no header row: row 1 is empty. Put the column names (IP, MAC, Serial, Model…) in row 1.');
  const dataCell = headerCells.find(looksLikeData);
  if (dataCell)
    throw refuse(`Row 1 holds data ("${dataCell}"), not column names. Insert a header row with the column names (IP, MAC, Serial, Model…) above the miners.`);
  if (raw.rows.length > maxImportRows) throw tooManyRows(raw.rows.length);
  if (raw.rows.length === 0) throw refuse('The file has a header row but no miners below it. Add one miner per row.');

  const width = raw.rows.reduce((widest, row) => Math.max(widest, row.cells.length), headerCells.length);
  const headers = Array.from({ length: width }, (_, i) => headerCells[i] || `Column ${columnLetter(i)}`);
  assertUniqueHeaders(headers);
  return { headers, rows: raw.rows, emptyRows: Math.max(raw.emptyRows, 0) };
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
