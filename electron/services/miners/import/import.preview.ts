import type { DbOrTx } from '../../../../db/open-db';
import type { ParsedInputOf } from '../../../contract/define';
import { AppError } from '../../../contract/errors';
import type {
  ImportChange,
  ImportColumn,
  ImportField,
  ImportNewClient,
  ImportPreview,
  ImportPreviewRow,
  minerImportCalls,
} from '../../../contract/miners.import';
import { loadImportContext, type ImportContext } from './import.context';
import { resolveColumns } from './import.mapping';
import { matchRows } from './import.match';
import { planRows, type MinerColumns, type PlannedRow } from './import.plan';
import { readSheet } from './import.read';

export type ImportInput = ParsedInputOf<(typeof minerImportCalls)['miners.import.preview']>;
export type ImportPlan = { columns: ImportColumn[]; rows: PlannedRow[]; newClients: ImportNewClient[]; emptyRows: number; ctx: ImportContext };

/** Reads the file (async: XLSX unzips), the part that needs no database. */
export async function readImportFile(input: ImportInput) {
  const sheet = await readSheet(Buffer.from(input.base64, 'base64'));
  const columns = resolveColumns(sheet.headers, input.mapping);
  return { sheet, columns };
}

export type ImportFile = Awaited<ReturnType<typeof readImportFile>>;

/** Every row checked against the database as it is now; `actor` is who imports, the manager of new clients when on the staff. */
export function planImport(db: DbOrTx, file: ImportFile, defaultSiteId: number | null, actor: string): ImportPlan {
  const ctx = loadImportContext(db, actor);
  if (defaultSiteId !== null && !ctx.hasSite(defaultSiteId))
    throw new AppError('NOT_FOUND', `Site #${defaultSiteId}, chosen as the default site, was not found. It may have been removed; choose another.`, {
      siteId: 'was not found',
    });
  const fields = file.columns.map((column) => column.mapped);
  const matched = matchRows(db, ctx, file.sheet.rows, fields, defaultSiteId);
  const { rows, newClients } = planRows(db, ctx, matched, defaultSiteId);
  for (const row of rows) row.errors = row.errors.map((error) => `Row ${row.row}: ${error}`);
  return { columns: file.columns, rows, newClients, emptyRows: file.sheet.emptyRows, ctx };
}

const yesNo = (paid: unknown) => (paid ? 'yes' : 'no');

/** A stored value as the preview shows it: names instead of ids. */
function shown(ctx: ImportContext, key: keyof MinerColumns, value: unknown, values: Partial<MinerColumns>, newClientEmail: string | null): string {
  if (key === 'clientId') {
    if (value === null && newClientEmail) return `new client ${newClientEmail}`;
    const client = ctx.clientById(value as number | null);
    return client ? `${client.name} (${client.email})` : value === null ? 'none' : `Client #${String(value)}`;
  }
  if (key === 'siteId') return value === null ? 'none' : ctx.siteName(value as number);
  if (key === 'rackId') return value === null ? 'none' : (ctx.rackById(value as number)?.name ?? `Rack #${String(value)}`);
  if (key === 'paid') return yesNo(value);
  if (key === 'modelId' || key === 'make' || key === 'model') return `${values.make ?? ''} ${values.model ?? ''}`.trim();
  return value === null || value === undefined || value === '' ? 'none' : String(value);
}

const fieldOfColumn: Record<keyof MinerColumns, ImportField> = {
  ip: 'ip',
  mac: 'mac',
  serial: 'serial',
  hostname: 'hostname',
  make: 'model',
  model: 'model',
  modelId: 'model',
  firmware: 'firmware',
  workerName: 'worker',
  notes: 'notes',
  siteId: 'site',
  rackId: 'rack',
  rackPosition: 'position',
  clientId: 'clientName',
  paid: 'paid',
  state: 'state',
};

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

/**
 * For an update: field, before → after, one entry per field (make, model and catalogue entry read as one "Model");
 * `cleared` when the field ends up empty, as a (clear) cell or a move out of a rack leaves it.
 */
function changesOf(ctx: ImportContext, plan: PlannedRow): ImportChange[] {
  const changes = new Map<ImportField, ImportChange>();
  for (const key of Object.keys(plan.after) as (keyof MinerColumns)[]) {
    const field = fieldOfColumn[key];
    if (changes.has(field)) continue;
    const cleared = isEmpty(plan.after[key]) && !isEmpty(plan.before[key]) && !(key === 'clientId' && plan.newClientEmail);
    changes.set(field, {
      field,
      before: shown(ctx, key, plan.before[key], plan.before, null),
      after: shown(ctx, key, plan.after[key], plan.after, plan.newClientEmail),
      ...(cleared ? { cleared: true as const } : {}),
    });
  }
  if (plan.tagsAfter) {
    const cleared = plan.tagsAfter.length === 0 ? { cleared: true as const } : {};
    changes.set('tags', { field: 'tags', before: plan.tagsBefore.join(', ') || 'none', after: plan.tagsAfter.join(', ') || 'none', ...cleared });
  }
  return [...changes.values()];
}

export function toPreview(fileName: string, plan: ImportPlan): ImportPreview {
  const rows: ImportPreviewRow[] = plan.rows.map((row) => ({
    row: row.row,
    action: row.action,
    assetId: row.assetId,
    changes: row.action === 'update' ? changesOf(plan.ctx, row) : [],
    errors: row.errors,
  }));
  const count = (action: ImportPreviewRow['action']) => rows.filter((row) => row.action === action).length;
  return {
    fileName,
    columns: plan.columns,
    rows,
    summary: {
      rows: rows.length,
      create: count('create'),
      update: count('update'),
      unchanged: count('unchanged'),
      error: count('error'),
      emptyRows: plan.emptyRows,
      newClients: plan.newClients.length,
    },
    newClients: plan.newClients,
    newClientsManager: plan.newClients.length > 0 ? plan.ctx.managerName : null,
  };
}

/** What a commit of the file would do, row by row; changes nothing. */
export async function previewImport(db: DbOrTx, input: ImportInput, actor: string): Promise<ImportPreview> {
  const file = await readImportFile(input);
  return toPreview(input.fileName, planImport(db, file, input.siteId, actor));
}
