import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { minerModels, miners } from '../../../db/schema';
import { actor } from '../../../tests/helpers/client-fixtures';
import { makeFleet, type Fleet } from '../../../tests/helpers/fleet-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { contract, type Input } from '../../contract';
import { commitImport } from './import/import.commit';
import { previewImport } from './import/import.preview';
import { importTemplate } from './import/import.template';
import { exportMiners } from './miners.export';

let t: TempDb;
let fleet: Fleet;
beforeEach(() => {
  t = openTempDb();
  fleet = makeFleet(t.db);
});
afterEach(() => t.close());

const exportOf = (raw: Input<'miners.export'>) => exportMiners(t.db, contract['miners.export'].input.parse(raw));
const importInput = (fileName: string, base64: string) => contract['miners.import.preview'].input.parse({ fileName, base64 });
const text = (base64: string) => Buffer.from(base64, 'base64').toString('utf8');

/** Row 2 of the first sheet as openpyxl, a spreadsheet library of another language, reads it: `cell` is a Python expression of c. */
function readXlsxRow(fileName: string, base64: string, cell: string): unknown {
  const path = join(t.dir, fileName);
  writeFileSync(path, Buffer.from(base64, 'base64'));
  const script = [
    'import json, sys, openpyxl',
    'sheet = openpyxl.load_workbook(sys.argv[1]).worksheets[0]',
    `print(json.dumps([${cell} for c in sheet[2]]))`,
  ].join('\n');
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8', timeout: 30_000 })) as unknown;
}

describe('miners export', () => {
  it('writes the filtered miners as CSV UTF-8 with a BOM, formula-like cells guarded', async () => {
    t.db.update(miners).set({ notes: '=HYPERLINK("http://127.0.0.1")', firmware: '+1' }).where(eq(miners.id, fleet.miners[0].id)).run();
    const file = await exportOf({ filter: { clientIds: [fleet.acme.id] }, format: 'csv', columns: ['assetId', 'ip', 'firmware', 'notes', 'client', 'paid'] });
    expect(file).toMatchObject({ rows: 2, mime: 'text/csv', fileName: expect.stringMatching(/^miners-\d{4}-\d{2}-\d{2}\.csv$/) });
    const csv = text(file.base64);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Asset ID,IP,Firmware,Notes,Client,Paid',
      `A-001,127.60.0.11,'+1,"'=HYPERLINK(""http://127.0.0.1"")",Acme Hashing,yes`,
      'A-002,127.60.0.12,,,Acme Hashing,no',
      '',
    ]);
  });

  it('exports only the selected miners when ids are given, as XLSX', async () => {
    const file = await exportOf({ ids: [fleet.miners[2].id, fleet.miners[0].id], format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).values).toContain('Client e-mail');
    expect([sheet.getCell('A2').value, sheet.getCell('A3').value]).toEqual(['A-001', 'A-003']);
    expect(file.rows).toBe(2);
  });

  it('writes numbers as numeric XLSX cells, as a spreadsheet program reads them (openpyxl)', async () => {
    t.db.update(minerModels).set({ nominalHashrateGhs: 104_500 }).where(eq(minerModels.model, 'Antminer S19j Pro')).run();
    const file = await exportOf({
      ids: [fleet.miners[2].id],
      format: 'xlsx',
      columns: ['assetId', 'nominalHashrateThs', 'nominalPowerW', 'position', 'serial'],
    });
    expect(readXlsxRow(file.fileName, file.base64, '[c.value, c.data_type]')).toEqual([
      ['A-003', 's'],
      [104.5, 'n'],
      [3068, 'n'],
      [1, 'n'],
      [null, 'n'], // A-003 has no serial: an empty cell
    ]);
    const csv = await exportOf({ ids: [fleet.miners[2].id], format: 'csv', columns: ['assetId', 'nominalHashrateThs', 'nominalPowerW', 'position'] });
    expect(text(csv.base64).slice(1).split('\r\n')[1]).toBe('A-003,104.5,3068,1');
  });

  it('re-imports its own CSV and XLSX files with every row unchanged', async () => {
    t.db.update(miners).set({ notes: '-loose fan', firmware: 'braiins 24.03', workerName: 'acme.w1' }).where(eq(miners.id, fleet.miners[0].id)).run();
    for (const format of ['csv', 'xlsx'] as const) {
      const file = await exportOf({ format });
      const preview = await previewImport(t.db, importInput(file.fileName, file.base64), actor);
      expect(preview.rows.map((row) => [row.assetId, row.action, row.errors])).toEqual(fleet.miners.map((miner) => [miner.assetId, 'unchanged', []]));
      expect(preview.columns.filter((column) => column.mapped === 'ignore').map((column) => column.header)).toEqual([
        'Status',
        'Nominal TH/s',
        'Nominal W',
        'Last seen',
      ]);
    }
  });

  it('applies edits made to an exported file', async () => {
    const file = await exportOf({ format: 'csv', ids: [fleet.miners[0].id] });
    const edited = text(file.base64).replace('127.60.0.11', '127.60.0.111').replace(',yes,', ',no,');
    const result = await commitImport(t.db, importInput('edited.csv', Buffer.from(edited, 'utf8').toString('base64')), actor);
    expect(result).toMatchObject({ updated: 1, created: 0 });
    expect(t.db.select().from(miners).where(eq(miners.id, fleet.miners[0].id)).get()).toMatchObject({ ip: '127.60.0.111', paid: false });
  });
});

describe('miners import template', () => {
  it('has the header row and an example that preview reads as a miner', async () => {
    const csv = await importTemplate(t.db, 'csv');
    const preview = await previewImport(t.db, importInput(csv.fileName, csv.base64), actor);
    expect(preview.columns.every((column) => column.suggested !== 'ignore')).toBe(true);
    expect(preview.rows).toEqual([{ row: 2, action: 'create', assetId: 'A-005', changes: [], errors: [] }]);
  });

  it('lists the catalogue models and the valid states on a second XLSX sheet', async () => {
    const file = await importTemplate(t.db, 'xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Miners', 'Valid values']);
    const values = book.worksheets[1];
    const models = values.getColumn(2).values.filter(Boolean);
    expect(models).toContain('Antminer S21');
    expect(values.getColumn(4).values.filter(Boolean)).toEqual(['State', 'staged', 'unassigned', 'assigned', 'rma', 'retired']);
    expect(values.getColumn(7).values.filter(Boolean)).toEqual([
      '(clear) empties',
      'Hostname',
      'Firmware',
      'Worker',
      'Client e-mail',
      'Client',
      'Rack',
      'Position',
      'Tags',
      'Notes',
    ]);
  });
});

const injection = "x;=cmd|' /C calc'!A0";
const hyperlink = '=HYPERLINK("http://127.0.0.1")';

describe('miners export: formula injection through ";"', () => {
  beforeEach(() => {
    t.db.update(miners).set({ notes: injection, workerName: hyperlink }).where(eq(miners.id, fleet.miners[0].id)).run();
  });

  it('quotes a CSV value holding ";" and guards each of its parts, so a European Excel splitting at ";" sees text', async () => {
    const file = await exportOf({ ids: [fleet.miners[0].id], format: 'csv', columns: ['assetId', 'worker', 'notes'] });
    const line = Buffer.from(file.base64, 'base64').toString('utf8').split('\r\n')[1];
    expect(line).toBe(`A-001,"'=HYPERLINK(""http://127.0.0.1"")","x;'=cmd|' /C calc'!A0"`);
    // Split as Excel with ";" as its list separator does: no piece starts like a formula.
    for (const piece of line.split(';')) expect(piece.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
  });

  it('writes XLSX text cells without a visible apostrophe, formula-like ones formatted as Text (read with openpyxl)', async () => {
    const file = await exportOf({ ids: [fleet.miners[0].id], format: 'xlsx', columns: ['assetId', 'worker', 'notes'] });
    expect(readXlsxRow(file.fileName, file.base64, '[c.value, c.data_type, c.number_format]')).toEqual([
      ['A-001', 's', 'General'],
      [hyperlink, 's', '@'],
      [injection, 's', 'General'],
    ]);
  });

  it('reads both files back with the values unchanged', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const file = await exportOf({ ids: [fleet.miners[0].id], format, columns: ['assetId', 'worker', 'notes'] });
      const preview = await previewImport(t.db, importInput(file.fileName, file.base64), actor);
      expect([format, preview.rows.map((row) => [row.action, row.errors])]).toEqual([format, [['unchanged', []]]]);
    }
  });
});
