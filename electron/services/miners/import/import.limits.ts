import { AppError } from '../../../contract/errors';
import { maxImportRows } from '../../../contract/miners.import';

/** One row of data: its number as the spreadsheet shows it (header = 1) and its cells as text, trimmed. */
export type SheetRow = { row: number; cells: string[] };
/** What a format reader hands on: row 1, the rows holding something (trailing empty cells cut), and the empty rows between. */
export type RawSheet = { header: string[]; rows: SheetRow[]; emptyRows: number };

/** Columns one import reads (A to GR): the mapping step lists each one, and the contract takes a mapping of at most 200. */
export const maxImportColumns = 200;
/** Characters one cell may hold: the longest field, Notes, takes 2,000; a column name takes at most 200. */
export const maxImportCellChars = 10_000;
export const maxHeaderChars = 200;
/** Filled cells one file may hold: 20,000 miners with 50 columns each. */
export const maxImportCells = 1_000_000;

export const refuse = (message: string) => new AppError('INVALID_INPUT', message, { base64: message });
export const thousands = (n: number) => n.toLocaleString('en-US');

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

/** The sentence for a filled cell right of the last column an import reads. */
export const beyondLastColumn = (address: string) =>
  refuse(
    `Cell ${address} is beyond column ${columnLetter(maxImportColumns - 1)}: an import reads at most ${maxImportColumns} columns (A to ${columnLetter(maxImportColumns - 1)}). Delete the columns after ${columnLetter(maxImportColumns - 1)}, or move their data left, and save the file again.`,
  );

export const tooManyRows = (rows: number) =>
  refuse(
    `The file has ${thousands(rows)} rows; one import takes at most ${thousands(maxImportRows)}. Split it into smaller files and import them one after another.`,
  );

export const tooManyCells = () =>
  refuse(
    `The file holds more than ${thousands(maxImportCells)} filled cells; an import reads at most that many. Delete the columns the import does not need, or split the file into smaller ones.`,
  );

/**
 * Keeps one row's cells, checking each against the limits: the row's cells as text (trimmed, trailing
 * empty ones cut), or null when all are empty. `cells` may be sparse (holes are empty cells).
 */
export function boundedCells(cells: readonly (string | undefined)[], row: number): string[] | null {
  let width = 0;
  const kept: string[] = [];
  for (let i = 0; i < cells.length; i += 1) {
    const text = (cells[i] ?? '').trim();
    if (text === '') continue;
    if (i >= maxImportColumns) throw beyondLastColumn(`${columnLetter(i)}${row}`);
    const limit = row === 1 ? maxHeaderChars : maxImportCellChars;
    if (text.length > limit) {
      const what = row === 1 ? 'a column name may have' : 'a cell may hold';
      throw refuse(
        `Cell ${columnLetter(i)}${row} holds ${thousands(text.length)} characters; ${what} at most ${thousands(limit)}. Shorten it and save the file again.`,
      );
    }
    kept[i] = text;
    width = i + 1;
  }
  if (width === 0) return null;
  return Array.from({ length: width }, (_, i) => kept[i] ?? '');
}

/** Counts rows and filled cells as a reader meets them, refusing as soon as a limit is passed. */
export function sheetCounter() {
  let cells = 0;
  return (kept: readonly string[]) => {
    for (const cell of kept) if (cell !== '') cells += 1;
    if (cells > maxImportCells) throw tooManyCells();
  };
}
