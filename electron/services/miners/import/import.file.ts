import type { ImportColumn, ImportField, ImportTarget } from '../../../contract/miners.import';
import type { SheetRow } from './import.limits';
import { resolveColumns } from './import.mapping';
import { readSheet } from './import.read';

/** What reading a file needs from the import's input: the bytes and the column mapping. */
export type ImportFileInput = { base64: string; mapping: Readonly<Record<string, ImportTarget>> };

/**
 * A file read and mapped, and nothing the import does not use: every column for the mapping step, but
 * per row only the cells of the mapped columns (`fields` tells which field each is read as).
 */
export type ImportFile = { columns: ImportColumn[]; fields: ImportField[]; rows: SheetRow[]; emptyRows: number };

/** Reads and maps the file; needs no database, so it runs in the import worker. */
export async function readImportFile(input: ImportFileInput): Promise<ImportFile> {
  const sheet = await readSheet(Buffer.from(input.base64, 'base64'));
  const columns = resolveColumns(sheet.headers, input.mapping);
  const read = columns.flatMap((column, i) => (column.mapped === 'ignore' ? [] : [{ i, field: column.mapped }]));
  return {
    columns,
    fields: read.map(({ field }) => field),
    rows: sheet.rows.map(({ row, cells }) => ({ row, cells: read.map(({ i }) => cells[i] ?? '') })),
    emptyRows: sheet.emptyRows,
  };
}
