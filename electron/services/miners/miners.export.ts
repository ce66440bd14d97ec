import { eq } from 'drizzle-orm';
import { inIds } from '../../../db/bulk';
import { inChunks } from '../../../db/chunks';
import type { DbOrTx } from '../../../db/open-db';
import { clients, minerModels, miners, racks, siteRooms, sites } from '../../../db/schema';
import type { ParsedInputOf } from '../../contract/define';
import { exportColumnLabels, exportColumns, type ExportColumn, type FileDownload, type minerImportCalls } from '../../contract/miners.import';
import { formatDecimal } from '../../contract/money';
import { matchingMinerIds, tagsOfMiners } from './miners.list';
import { spreadsheetFile, type Cell } from '../exports/spreadsheet-file';

type ExportInput = ParsedInputOf<(typeof minerImportCalls)['miners.export']>;

const exportQuery = (db: DbOrTx, ids: readonly number[]) =>
  db
    .select({
      id: miners.id,
      assetId: miners.assetId,
      status: miners.liveStatus,
      ip: miners.ip,
      mac: miners.mac,
      serial: miners.serial,
      hostname: miners.hostname,
      make: miners.make,
      model: miners.model,
      nominalHashrateGhs: minerModels.nominalHashrateGhs,
      nominalPowerW: minerModels.nominalPowerW,
      firmware: miners.firmware,
      worker: miners.workerName,
      site: sites.name,
      room: siteRooms.name,
      rack: racks.name,
      position: miners.rackPosition,
      client: clients.name,
      clientEmail: clients.contactEmail,
      paid: miners.paid,
      state: miners.state,
      notes: miners.notes,
      lastSeen: miners.lastSeenAt,
    })
    .from(miners)
    .leftJoin(minerModels, eq(minerModels.id, miners.modelId))
    .leftJoin(sites, eq(sites.id, miners.siteId))
    .leftJoin(racks, eq(racks.id, miners.rackId))
    .leftJoin(siteRooms, eq(siteRooms.id, racks.roomId))
    .leftJoin(clients, eq(clients.id, miners.clientId))
    .where(inIds(miners.id, ids))
    .orderBy(miners.id)
    .all();

type ExportRow = ReturnType<typeof exportQuery>[number];

/** Each column's cell; numbers stay numbers so a spreadsheet can sum them. */
const cellOf: Record<ExportColumn, (row: ExportRow, tags: string[]) => Cell> = {
  assetId: (row) => row.assetId,
  status: (row) => row.status,
  ip: (row) => row.ip,
  mac: (row) => row.mac,
  serial: (row) => row.serial,
  hostname: (row) => row.hostname,
  make: (row) => row.make,
  model: (row) => row.model,
  // The exact decimal, then a number: XLSX gets a numeric cell (104.5), CSV the same digits.
  nominalHashrateThs: (row) => (row.nominalHashrateGhs === null ? null : Number(formatDecimal(row.nominalHashrateGhs, 3))),
  nominalPowerW: (row) => row.nominalPowerW,
  firmware: (row) => row.firmware,
  worker: (row) => row.worker,
  site: (row) => row.site,
  room: (row) => row.room,
  rack: (row) => row.rack,
  position: (row) => row.position,
  client: (row) => row.client,
  clientEmail: (row) => row.clientEmail,
  paid: (row) => (row.paid ? 'yes' : 'no'),
  state: (row) => row.state,
  tags: (_row, tags) => tags.join(', '),
  notes: (row) => row.notes,
  lastSeen: (row) => row.lastSeen,
};

/** The miners of a filtered view, or the selected ones, as CSV or XLSX with the headers the importer reads back. */
export async function exportMiners(db: DbOrTx, input: ExportInput): Promise<FileDownload & { rows: number }> {
  const ids = (input.ids ? [...new Set(input.ids)] : matchingMinerIds(db, input.filter)).sort((a, b) => a - b);
  const columns = input.columns ? [...new Set(input.columns)] : [...exportColumns];
  const rows: Cell[][] = [];
  for (const chunk of inChunks(ids, 5_000)) {
    const tags = tagsOfMiners(db, chunk);
    for (const row of exportQuery(db, chunk)) rows.push(columns.map((column) => cellOf[column](row, tags.get(row.id) ?? [])));
  }
  const file = await spreadsheetFile(input.format, `miners-${new Date().toISOString().slice(0, 10)}`, [
    { name: 'Miners', headers: columns.map((column) => exportColumnLabels[column]), rows },
  ]);
  return { ...file, rows: rows.length };
}
