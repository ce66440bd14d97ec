import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../../../../db/open-db';
import { minerModels } from '../../../../db/schema';
import { minerStates } from '../../../contract/miners';
import {
  clearableImportFields,
  importClearMarker,
  importFieldLabels,
  importFields,
  type FileDownload,
  type ImportField,
  type ImportFormat,
} from '../../../contract/miners.import';
import { spreadsheetFile, type Cell } from '../../exports/spreadsheet-file';

/** One made-up miner showing how each column is written; loopback addresses, so copying it can reach nothing real. */
const example: Record<ImportField, Cell> = {
  assetId: '',
  ip: '127.60.0.10',
  mac: 'AA:BB:CC:00:00:01',
  serial: 'SMTTAB1234567',
  hostname: 'midland-c1-r1-01',
  make: 'Bitmain',
  model: 'Antminer S21',
  firmware: 'stock 2024.05',
  worker: 'acme.s21x001',
  site: 'Midland TX',
  room: 'C1',
  rack: 'R1',
  position: 42,
  clientEmail: 'ops@acme.example',
  clientName: 'Acme Hashing',
  paid: 'yes',
  state: 'assigned',
  tags: 'hydro test, batch 7',
  notes: `Leave Asset ID empty for new miners: one is given on import. A blank cell keeps a miner's value; ${importClearMarker} empties it.`,
};

/** The import template: header row and the example; the XLSX one adds a sheet of catalogue models and valid values. */
export async function importTemplate(db: DbOrTx, format: ImportFormat): Promise<FileDownload> {
  const headers = importFields.map((field) => importFieldLabels[field]);
  const miners = { name: 'Miners', headers, rows: [importFields.map((field) => example[field])] };
  const models = db.select({ make: minerModels.make, model: minerModels.model }).from(minerModels).orderBy(asc(minerModels.make), asc(minerModels.model)).all();
  const clearable = clearableImportFields.map((field) => importFieldLabels[field]);
  const lists = Math.max(models.length, minerStates.length, clearable.length);
  const values = {
    name: 'Valid values',
    headers: ['Make', 'Model', '', 'State', 'Paid', '', `${importClearMarker} empties`],
    rows: Array.from({ length: lists }, (_, i): Cell[] => [
      models[i]?.make ?? null,
      models[i]?.model ?? null,
      null,
      minerStates[i] ?? null,
      ['yes', 'no'][i] ?? null,
      null,
      clearable[i] ?? null,
    ]),
  };
  return spreadsheetFile(format, 'hashdesk-miners-import-template', [miners, values]);
}
