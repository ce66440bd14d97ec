import Papa from 'papaparse';
import { maxReadingRows, type ReadingRowInput } from '../../../electron/contract/power.readings';

/** A readings file is small text: 4 MB holds far more than the rows one import may take. */
export const maxReadingsFileBytes = 4 * 1024 * 1024;
const maxColumns = 20;

const columnNames = { device: 'device', outlet: 'outlet', at: 'at', kwh: 'kwh', reset: 'reset' } as const;
type Column = keyof typeof columnNames;
const required: Column[] = ['device', 'at', 'kwh'];
const yes = new Set(['yes', 'y', 'true', '1', 'reset']);
const no = new Set(['', 'no', 'n', 'false', '0']);

export type ReadingsFile = { ok: true; rows: ReadingRowInput[] } | { ok: false; problem: string };

/**
 * A CSV with a header row naming the columns device, outlet, at, kwh and reset (any case, any order; outlet and
 * reset may be left out) as the import's rows. Only the file's shape is checked here; each row's cells are
 * checked by the import, which names the row.
 */
export function readReadingsCsv(text: string, sizeBytes: number): ReadingsFile {
  if (sizeBytes > maxReadingsFileBytes)
    return { ok: false, problem: `The file is larger than ${maxReadingsFileBytes / 1024 / 1024} MB. Split it and import each part.` };
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header, ...lines] = parsed.data;
  if (!header) return { ok: false, problem: 'The file is empty. It needs a header row (device, outlet, at, kwh, reset) and one row per reading.' };
  if (header.length > maxColumns) return { ok: false, problem: `The file has ${header.length} columns; a readings file has at most ${maxColumns}.` };
  const index = new Map<Column, number>();
  header.forEach((name, i) => {
    const key = name.trim().toLowerCase() as Column;
    if (key in columnNames && !index.has(key)) index.set(key, i);
  });
  const missing = required.filter((c) => !index.has(c));
  if (missing.length) return { ok: false, problem: `The header row has no ${missing.join(', ')} column. Name the columns device, outlet, at, kwh and reset.` };
  if (!lines.length) return { ok: false, problem: 'The file has a header row but no readings.' };
  if (lines.length > maxReadingRows)
    return {
      ok: false,
      problem: `The file has ${lines.length.toLocaleString('en')} readings; one import takes at most ${maxReadingRows.toLocaleString('en')}. Split it.`,
    };
  const cell = (line: string[], column: Column) => (index.has(column) ? (line[index.get(column)!] ?? '').trim() : '');
  const rows: ReadingRowInput[] = [];
  for (const [i, line] of lines.entries()) {
    const reset = cell(line, 'reset').toLowerCase();
    if (!yes.has(reset) && !no.has(reset)) return { ok: false, problem: `Row ${i + 1}: reset "${cell(line, 'reset')}" must be yes or no (or left blank).` };
    const outlet = cell(line, 'outlet');
    rows.push({ device: cell(line, 'device'), outlet: outlet === '' ? null : outlet, at: cell(line, 'at'), kwh: cell(line, 'kwh'), reset: yes.has(reset) });
  }
  return { ok: true, rows };
}
