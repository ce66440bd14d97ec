import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { miners } from '../../../db/schema';
import { actor } from '../../../tests/helpers/client-fixtures';
import { makeFleet, type Fleet } from '../../../tests/helpers/fleet-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { contract, type Input } from '../../contract';
import { previewImport } from './import/import.preview';
import { exportMiners } from './miners.export';

let t: TempDb;
let fleet: Fleet;
beforeEach(() => {
  t = openTempDb();
  fleet = makeFleet(t.db);
});
afterEach(() => t.close());

const exportOf = (raw: Input<'miners.export'>) => exportMiners(t.db, contract['miners.export'].input.parse(raw));
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
    const path = join(t.dir, file.fileName);
    writeFileSync(path, Buffer.from(file.base64, 'base64'));
    const script = [
      'import json, sys, openpyxl',
      'sheet = openpyxl.load_workbook(sys.argv[1]).worksheets[0]',
      'print(json.dumps([[c.value, c.data_type, c.number_format] for c in sheet[2]]))',
    ].join('\n');
    const cells = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8', timeout: 30_000 })) as unknown;
    expect(cells).toEqual([
      ['A-001', 's', 'General'],
      [hyperlink, 's', '@'],
      [injection, 's', 'General'],
    ]);
  });

  it('reads both files back with the values unchanged', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const file = await exportOf({ ids: [fleet.miners[0].id], format, columns: ['assetId', 'worker', 'notes'] });
      const preview = await previewImport(t.db, contract['miners.import.preview'].input.parse({ fileName: file.fileName, base64: file.base64 }), actor);
      expect([format, preview.rows.map((row) => [row.action, row.errors])]).toEqual([format, [['unchanged', []]]]);
    }
  });
});
