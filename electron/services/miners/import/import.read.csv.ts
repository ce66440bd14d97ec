import Papa from 'papaparse';
import { maxImportRows } from '../../../contract/miners.import';
import { boundedCells, maxImportColumns, refuse, sheetCounter, thousands, tooManyRows, type RawSheet, type SheetRow } from './import.limits';

/** Cells one CSV row may hold, empty ones included: Excel's own 16,384 columns. */
export const maxCsvRowCells = 16_384;

const saveAs = 'Open it in Excel or a text editor and save it as "CSV UTF-8", then import it again.';

function decodeUtf8(bytes: Buffer): string {
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

const separators = [',', ';', '\t', '|'].map((sign) => sign.charCodeAt(0));

/**
 * Refuses a row with more separators than any spreadsheet writes, before the CSV parser builds it: a
 * line of seven million commas would otherwise become an array of seven million cells (and, tried
 * once per candidate separator, seconds of work). Quoted text is skipped, as the parser skips it.
 */
function assertRowsNarrow(text: string): void {
  const counts = separators.map(() => 0);
  let quoted = false;
  let row = 1;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 34) quoted = !quoted;
    else if (quoted) continue;
    else if (code === 10) {
      row += 1;
      counts.fill(0);
    } else {
      const which = separators.indexOf(code);
      if (which >= 0 && (counts[which] += 1) >= maxCsvRowCells)
        throw refuse(
          `Row ${row} of the file has more than ${thousands(maxCsvRowCells)} cells; an import reads at most ${maxImportColumns} columns. Delete the empty columns at the end of that row, save the file again as CSV UTF-8 and import it again.`,
        );
    }
  }
}

/** The CSV file's rows, as the spreadsheet numbers them; empty rows are counted, not kept. */
export function readCsvRows(bytes: Buffer): RawSheet {
  const text = decodeUtf8(bytes);
  assertRowsNarrow(text);
  const count = sheetCounter();
  let header: string[] = [];
  const rows: SheetRow[] = [];
  let row = 0;
  let dataRows = 0;
  let emptyRows = 0;
  let lastEmpty = false;
  const faults: { row: number; why: string }[] = [];
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    step: (result, parser) => {
      row += 1;
      // A one-column file has no separator to detect; that is not a fault of the file.
      const error = result.errors.find((one) => one.code !== 'UndetectableDelimiter');
      if (error) {
        faults.push({ row, why: error.code === 'MissingQuotes' ? 'a quoted cell is never closed' : error.message.toLowerCase() });
        parser.abort();
        return;
      }
      const cells = boundedCells(result.data, row);
      lastEmpty = cells === null;
      if (row === 1) header = cells ?? [];
      else if (cells === null) emptyRows += 1;
      else if ((dataRows += 1) <= maxImportRows) {
        count(cells);
        rows.push({ row, cells });
      }
    },
  });
  const [fault] = faults;
  if (fault) {
    const { row: at, why } = fault;
    throw refuse(`Row ${at}: the CSV file cannot be read: ${why}. Check the file in a spreadsheet program and save it as CSV UTF-8 again.`);
  }
  if (dataRows > maxImportRows) throw tooManyRows(dataRows);
  // A trailing blank line of a CSV file is its end, not an empty row.
  if (row > 1 && lastEmpty) emptyRows -= 1;
  return { header, rows, emptyRows };
}
