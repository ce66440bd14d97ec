import { z } from 'zod';
import { clientFields } from './clients';
import { call } from './define';
import { fileNameSchema, idSchema } from './fields';
import { minerFiltersSchema } from './miners.list';

/** The miner fields an import row can set; "ignore" leaves a column out. */
export const importFields = [
  'assetId',
  'ip',
  'mac',
  'serial',
  'hostname',
  'make',
  'model',
  'firmware',
  'worker',
  'site',
  'room',
  'rack',
  'position',
  'clientEmail',
  'clientName',
  'paid',
  'state',
  'tags',
  'notes',
] as const;
export type ImportField = (typeof importFields)[number];
export type ImportTarget = ImportField | 'ignore';

/** How each field is named in the mapping step, in templates and in messages. */
export const importFieldLabels: Record<ImportField, string> = {
  assetId: 'Asset ID',
  ip: 'IP',
  mac: 'MAC',
  serial: 'Serial',
  hostname: 'Hostname',
  make: 'Make',
  model: 'Model',
  firmware: 'Firmware',
  worker: 'Worker',
  site: 'Site',
  room: 'Room',
  rack: 'Rack',
  position: 'Position',
  clientEmail: 'Client e-mail',
  clientName: 'Client',
  paid: 'Paid',
  state: 'State',
  tags: 'Tags',
  notes: 'Notes',
};

/** A cell holding this word (any case) empties the field; a blank cell keeps the miner's value. */
export const importClearMarker = '(clear)';

/** The fields `(clear)` may empty: the others identify the miner or always have a value. */
export const clearableImportFields = [
  'hostname',
  'firmware',
  'worker',
  'clientEmail',
  'clientName',
  'rack',
  'position',
  'tags',
  'notes',
] as const satisfies readonly ImportField[];

/** 8 MB: base64 adds a third, and the HTTP transport takes at most 10 MB per request. */
export const maxImportBytes = 8 * 1024 * 1024;
/** Rows of data one import may hold, the header row not counted. */
export const maxImportRows = 20_000;
/** Rows a preview lists (errors first); its summary counts them all. */
export const maxPreviewRows = 500;

export const importFormats = ['csv', 'xlsx'] as const;
export type ImportFormat = (typeof importFormats)[number];

/** What the preview plans for one row of the file. */
export type ImportAction = 'create' | 'update' | 'unchanged' | 'error';

/** One column of the file: its header as written, the field the header suggests, and the field it is read as. */
export type ImportColumn = { header: string; suggested: ImportTarget; mapped: ImportTarget };

/** `cleared` is set when the file's `(clear)` empties the field. */
export type ImportChange = { field: ImportField; before: string; after: string; cleared?: true };

export type ImportPreviewRow = {
  /** As the spreadsheet shows it: the header is row 1. */
  row: number;
  action: ImportAction;
  /** The matched miner's asset ID for updates; the asset ID a new miner gets for creates. */
  assetId: string | null;
  /** For updates: only the fields that change. */
  changes: ImportChange[];
  /** Plain sentences about this row (the row number is shown beside them, not repeated in them). */
  errors: string[];
};

/**
 * A client the commit creates for an e-mail no client has yet. `name` and `managerId` are what the
 * commit uses: as given in the input's `newClients`, else the name from the file's Client column ("" when
 * it has none) and no manager: the person importing chooses them before the commit (`ready`).
 */
export type ImportNewClient = { email: string; name: string; managerId: number | null; rows: number; ready: boolean };

export type ImportPreview = {
  fileName: string;
  columns: ImportColumn[];
  /** At most `maxPreviewRows`, errors first, in the file's order; `summary.rows` counts every row. */
  rows: ImportPreviewRow[];
  summary: Record<ImportAction, number> & { rows: number; emptyRows: number; newClients: number };
  /** Clients the commit creates: e-mails no client has yet. */
  newClients: ImportNewClient[];
  /** The manager to suggest for new clients: the importing person when they are an active staff member, else null. */
  newClientsManager: string | null;
  /** That person's staff id, to preselect. */
  newClientsManagerId: number | null;
};

export type ImportResult = { created: number; updated: number; unchanged: number; createdClients: { id: number; name: string; email: string }[] };

export type FileDownload = { fileName: string; mime: string; base64: string };

const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;
const maxBase64Length = Math.ceil(maxImportBytes / 3) * 4;

/** The file itself; its size is checked on the base64 text, so a huge file is refused before it is decoded. */
const importFileSchema = {
  fileName: fileNameSchema(200),
  base64: z
    .string({ error: 'is required' })
    .min(1, 'is empty: choose a file')
    // abort: a 1 GB text is refused on its length alone, without running the pattern over it.
    .max(maxBase64Length, {
      message: `is larger than ${maxImportBytes / 1024 / 1024} MB: split the file into smaller ones (for example 5,000 rows each) and import them one after another`,
      abort: true,
    })
    .regex(base64Pattern, 'is not valid base64'),
  /** Column header as written in the file → field; columns left out get the suggested field. */
  mapping: z
    .record(z.string().max(200), z.enum([...importFields, 'ignore'], { error: 'must be a miner field or ignore' }))
    .default({})
    .refine((mapping) => Object.keys(mapping).length <= 200, 'may name at most 200 columns'),
  /** The site of rows that name none; a new miner with no site and no default stays unplaced. */
  siteId: idSchema.nullable().default(null),
  /** Name and manager of each client the file creates, chosen in the preview; the commit refuses a new e-mail left out. */
  newClients: z
    .array(z.object({ email: clientFields.contactEmail, name: clientFields.name, managerId: clientFields.managerId }).strict())
    .max(maxImportRows, `may describe at most ${maxImportRows} clients`)
    .default([]),
};

export const exportColumns = [
  'assetId',
  'status',
  'ip',
  'mac',
  'serial',
  'hostname',
  'make',
  'model',
  'nominalHashrateThs',
  'nominalPowerW',
  'firmware',
  'worker',
  'site',
  'room',
  'rack',
  'position',
  'client',
  'clientEmail',
  'paid',
  'state',
  'tags',
  'notes',
  'lastSeen',
] as const;
export type ExportColumn = (typeof exportColumns)[number];

/** Header of each exported column; the importable ones read back as the same field. */
export const exportColumnLabels: Record<ExportColumn, string> = {
  assetId: 'Asset ID',
  status: 'Status',
  ip: 'IP',
  mac: 'MAC',
  serial: 'Serial',
  hostname: 'Hostname',
  make: 'Make',
  model: 'Model',
  nominalHashrateThs: 'Nominal TH/s',
  nominalPowerW: 'Nominal W',
  firmware: 'Firmware',
  worker: 'Worker',
  site: 'Site',
  room: 'Room',
  rack: 'Rack',
  position: 'Position',
  client: 'Client',
  clientEmail: 'Client e-mail',
  paid: 'Paid',
  state: 'State',
  tags: 'Tags',
  notes: 'Notes',
  lastSeen: 'Last seen',
};

/** The most miners one export may list by id; a filter exports any number. */
export const maxExportIds = 100_000;

export const minerImportCalls = {
  /** A file with the header row and one example row; the XLSX one lists the catalogue models and the states on a second sheet. */
  'miners.import.template': call<FileDownload>()(z.object({ format: z.enum(importFormats, { error: 'must be csv or xlsx' }) }).strict()),
  /** Reads the file and tells, per row, what a commit would create, update or refuse; changes nothing. */
  'miners.import.preview': call<ImportPreview>()(z.object(importFileSchema).strict()),
  /** Applies the file in one transaction; refused, changing nothing, while any row has an error. */
  'miners.import.commit': call<ImportResult>()(z.object(importFileSchema).strict()),
  /** The miners of a filtered view (or the selected ones) as a CSV or XLSX file that imports back cleanly. */
  'miners.export': call<FileDownload & { rows: number }>()(
    z
      .object({
        filter: minerFiltersSchema.default(minerFiltersSchema.parse({})),
        /** The selection: these miners, whatever the filter. */
        ids: z
          .array(idSchema)
          .min(1, 'choose at least one miner')
          .max(maxExportIds, `must be at most ${maxExportIds} miners; export the filter instead`)
          .optional(),
        format: z.enum(importFormats, { error: 'must be csv or xlsx' }),
        columns: z
          .array(z.enum(exportColumns, { error: 'is not a column of the miners export' }))
          .min(1, 'choose at least one column')
          .optional(),
      })
      .strict(),
  ),
};
