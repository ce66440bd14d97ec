import type { DbOrTx } from '../../../../db/open-db';
import type { ParsedInputOf } from '../../../contract/define';
import { AppError } from '../../../contract/errors';
import {
  maxPreviewRows,
  type ImportChange,
  type ImportColumn,
  type ImportField,
  type ImportNewClient,
  type ImportPreview,
  type ImportPreviewRow,
  type minerImportCalls,
} from '../../../contract/miners.import';
import { loadImportContext, type ImportContext } from './import.context';
import { matchRows } from './import.match';
import { planRows, type MinerColumns, type PlannedNewClient, type PlannedRow } from './import.plan';
import type { ImportFile } from './import.file';
import { readImportFileOffThread } from './import.file-worker';

export type ImportInput = ParsedInputOf<(typeof minerImportCalls)['miners.import.preview']>;
/** The choices the person importing made besides the file: the default site and each new client's name and manager. */
export type ImportChoices = Pick<ImportInput, 'siteId' | 'newClients'>;
export type ImportPlan = { columns: ImportColumn[]; rows: PlannedRow[]; newClients: ImportNewClient[]; emptyRows: number; ctx: ImportContext };

/** Each client the file creates, with the name and manager chosen for it, else the name in the file and no manager. */
function describeNewClients(ctx: ImportContext, planned: readonly PlannedNewClient[], chosen: ImportChoices['newClients']): ImportNewClient[] {
  const byEmail = new Map(chosen.map((client) => [client.email, client]));
  return planned.map(({ email, nameInFile, rows }) => {
    const given = byEmail.get(email);
    const name = given?.name ?? nameInFile;
    const managerId = given?.managerId ?? null;
    return { email, name, managerId, rows, ready: name !== '' && managerId !== null && ctx.isActiveStaff(managerId) };
  });
}

/** Every row checked against the database as it is now; `actor` is who imports, suggested as the manager of new clients when on the staff. */
export function planImport(db: DbOrTx, file: ImportFile, choices: ImportChoices, actor: string): ImportPlan {
  const ctx = loadImportContext(db, actor);
  const defaultSiteId = choices.siteId;
  if (defaultSiteId !== null && !ctx.hasSite(defaultSiteId))
    throw new AppError('NOT_FOUND', `Site #${defaultSiteId}, chosen as the default site, was not found. It may have been removed; choose another.`, {
      siteId: 'was not found',
    });
  const matched = matchRows(db, ctx, file.rows, file.fields, defaultSiteId);
  const { rows, newClients } = planRows(db, ctx, matched, defaultSiteId);
  return { columns: file.columns, rows, newClients: describeNewClients(ctx, newClients, choices.newClients), emptyRows: file.emptyRows, ctx };
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

const actionOrder: Record<ImportPreviewRow['action'], number> = { error: 0, create: 1, update: 2, unchanged: 3 };

/** The rows a preview lists: errors first, then new, updated and unchanged ones, at most `maxPreviewRows`, in the file's order. */
function rowsToShow(rows: readonly PlannedRow[]): PlannedRow[] {
  if (rows.length <= maxPreviewRows) return [...rows];
  const shown = [...rows].sort((a, b) => actionOrder[a.action] - actionOrder[b.action] || a.row - b.row).slice(0, maxPreviewRows);
  return shown.sort((a, b) => a.row - b.row);
}

/** "a new miner needs…" → "A new miner needs…": each row error is a sentence of its own beside its row number. */
const asSentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function toPreview(fileName: string, plan: ImportPlan): ImportPreview {
  const count = (action: ImportPreviewRow['action']) => plan.rows.filter((row) => row.action === action).length;
  const suggested = plan.newClients.length > 0 ? plan.ctx.suggestedManager : null;
  return {
    fileName,
    columns: plan.columns,
    rows: rowsToShow(plan.rows).map((row) => ({
      row: row.row,
      action: row.action,
      assetId: row.assetId,
      changes: row.action === 'update' ? changesOf(plan.ctx, row) : [],
      errors: row.errors.map(asSentence),
    })),
    summary: {
      rows: plan.rows.length,
      create: count('create'),
      update: count('update'),
      unchanged: count('unchanged'),
      error: count('error'),
      emptyRows: plan.emptyRows,
      newClients: plan.newClients.length,
    },
    newClients: plan.newClients,
    newClientsManager: suggested?.name ?? null,
    newClientsManagerId: suggested?.id ?? null,
  };
}

/** What a commit of the file would do, row by row; changes nothing. */
export async function previewImport(db: DbOrTx, input: ImportInput, actor: string): Promise<ImportPreview> {
  const file = await readImportFileOffThread(input);
  return toPreview(input.fileName, planImport(db, file, input, actor));
}
