import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, clients, minerIdentityHistory, miners, minerTags } from '../../../../db/schema';
import { actor } from '../../../../tests/helpers/client-fixtures';
import { makeFleet, type Fleet } from '../../../../tests/helpers/fleet-fixtures';
import { openTempDb, type TempDb } from '../../../../tests/helpers/temp-db';
import { getMinerDetail } from '../miners.list';
import { commitImport } from './import.commit';
import { previewImport } from './import.preview';
import { csvImport, importInput, type ImportExtras } from './import.test-helpers';

let t: TempDb;
let fleet: Fleet;
beforeEach(() => {
  t = openTempDb();
  fleet = makeFleet(t.db);
});
afterEach(() => t.close());

const input = importInput;
const preview = (csv: string, extra: ImportExtras = {}) => csvImport(t.db).preview(csv, extra);
const commit = (csv: string, extra: ImportExtras = {}) => csvImport(t.db).commit(csv, extra);
const countOf = (table: typeof miners | typeof clients | typeof auditLog) => t.db.select().from(table).all().length;

const header = 'IP,MAC,Serial,Model,Site,Rack,Position,Client e-mail,Client,Paid,Tags,Notes';

describe('miners import preview', () => {
  it('suggests a mapping from common header names and plans creates, with asset IDs, new clients and no change to the data', async () => {
    const csv = [
      'IP address,MAC Address,SN,Make,Model,Site,Rack,Position,Client e-mail,Client,Paid,Hostname,Firmware,Worker,Tags,Notes,Whatever',
      '127.60.5.1,aa-bb-cc-00-05-01,NEW1,Bitmain,Antminer S21,Midland TX,R1,10,ops@acme.com,,yes,mid-10,stock,acme.w10,hydro; batch 7,first',
      '127.60.5.2,,NEW2,,Antminer S19j Pro,Odessa TX,,,new@zeta.io,Zeta Mining,unpaid,,,,,',
      '',
      '127.60.5.3,,NEW3,,Whatsminer M60,,,,new@zeta.io,,0,,,,,',
    ].join('\r\n');
    const before = { miners: countOf(miners), clients: countOf(clients), audit: countOf(auditLog) };
    const result = await preview(csv);
    expect(result.columns.map((c) => c.suggested)).toEqual([
      'ip',
      'mac',
      'serial',
      'make',
      'model',
      'site',
      'rack',
      'position',
      'clientEmail',
      'clientName',
      'paid',
      'hostname',
      'firmware',
      'worker',
      'tags',
      'notes',
      'ignore',
    ]);
    expect(result.rows.map((r) => [r.row, r.action, r.assetId, r.errors])).toEqual([
      [2, 'create', 'A-005', []],
      [3, 'create', 'A-006', []],
      [5, 'create', 'A-007', []],
    ]);
    expect(result.summary).toEqual({ rows: 3, create: 3, update: 0, unchanged: 0, error: 0, emptyRows: 1, newClients: 1 });
    // Named by the file, but nobody has chosen a manager yet: not ready to commit.
    expect(result.newClients).toEqual([{ email: 'new@zeta.io', name: 'Zeta Mining', managerId: null, rows: 2, ready: false }]);
    expect({ miners: countOf(miners), clients: countOf(clients), audit: countOf(auditLog) }).toEqual(before);
  });

  it('lists every row error in plain words with its row number', async () => {
    const csv = [
      header,
      '300.1.1.1,zz:zz,X1,Antminer S21,,,,,,,,',
      '127.60.6.2,,DUP,Antminer S99,,,,,,maybe,,',
      '127.60.6.3,,dup,Antminer S21,Nowhere,R1,,bad-mail,,,,',
      '127.60.6.4,,X4,Antminer S21,Midland TX,R1,1,,,,,',
      '127.60.6.5,,X5,Antminer S21,Midland TX,R1,99,,,,,',
      '127.60.6.6,,X6,,,,,,,,,',
      '127.60.6.7,,X7,Antminer S21,Midland TX,R9,,,Nobody Ltd,,,',
      '127.60.6.8,,X8,Antminer S21,Midland TX,R1,20,,,,,',
      '127.60.6.9,,X9,Antminer S21,Midland TX,R1,20,,,,,',
    ].join('\n');
    const { rows, summary } = await preview(csv);
    const errorsOf = (row: number) => rows.find((r) => r.row === row)?.errors;
    expect(errorsOf(2)).toEqual([
      'IP "300.1.1.1" is not a valid IPv4 address, like 127.60.0.10',
      'MAC "zz:zz" is not a valid MAC address, like AA:BB:CC:DD:EE:FF',
    ]);
    expect(errorsOf(3)).toEqual([
      'Paid "maybe" should be yes or no (also accepted: true/false, paid/unpaid, 1/0)',
      'Model "Antminer S99" is not in the model catalogue; add it under Models first, or correct the name',
    ]);
    expect(errorsOf(4)).toEqual([
      'Client e-mail "bad-mail" is not a valid e-mail address, like ops@example.com',
      'Site "Nowhere" does not exist; create it under Sites first, or correct the name',
      'Serial dup is also on row 3; each miner may appear once',
      'Rack "R1" needs a site: add a Site column or choose a default site',
    ]);
    expect(errorsOf(5)).toEqual([
      'The new miner cannot take position 1 of rack "R1": miner A-001 is there and this file does not move it; move A-001 in the same file, or choose a free position',
    ]);
    expect(errorsOf(6)).toEqual(['Position 99 is outside rack "R1", which has positions 1 to 60']);
    expect(errorsOf(7)).toEqual(['A new miner needs its model from the catalogue, like Antminer S21; add a Model column']);
    expect(errorsOf(8)).toEqual([
      'Rack "R9" does not exist in site "Midland TX"; create it under Sites first, or correct the name',
      'No client is named "Nobody Ltd"; add a Client e-mail column so a new client can be created',
    ]);
    expect(errorsOf(9)).toEqual([]);
    expect(errorsOf(10)).toEqual(['Position 20 of rack "R1" is also given on row 9']);
    expect(summary).toMatchObject({ rows: 9, error: 8, create: 1 });
  });

  it('names both rows of a MAC given twice, and a row that fits several miners', async () => {
    t.db.update(miners).set({ serial: 'TWIN' }).where(eq(miners.assetId, 'A-002')).run();
    t.db.update(miners).set({ serial: 'TWIN' }).where(eq(miners.assetId, 'A-004')).run();
    const csv = [header, ',AA:BB:CC:00:09:01,Q1,Antminer S21,,,,,,,,', ',aabbcc000901,Q2,Antminer S21,,,,,,,,', ',,TWIN,,,,,,,,,'].join('\n');
    const { rows } = await preview(csv);
    expect(rows[1].errors).toEqual(['MAC AA:BB:CC:00:09:01 is also on row 2; each miner may appear once']);
    expect(rows[2].errors).toEqual([expect.stringMatching(/^Matches several miners: miner A-002, miner A-004\. Serial TWIN is recorded on 2 miners/)]);
  });

  it('shows field by field what an update changes, matched by serial', async () => {
    const csv = ['Serial,IP,Paid,Tags,Notes', 'sn1,127.60.0.99,no,Hydro,moved', 'SN1x,,,,'].join('\n');
    const { rows } = await preview(csv, { mapping: { Notes: 'ignore' } });
    expect(rows[0]).toEqual({
      row: 2,
      action: 'update',
      assetId: 'A-001',
      changes: [
        { field: 'ip', before: '127.60.0.11', after: '127.60.0.99' },
        { field: 'paid', before: 'yes', after: 'no' },
        { field: 'tags', before: 'none', after: 'Hydro' },
      ],
      errors: [],
    });
    expect(rows[1].errors).toEqual(['A new miner needs its model from the catalogue, like Antminer S21; add a Model column']);
  });
});

describe('miners import commit', () => {
  it('creates the new clients and miners in one go, audited, with identity history from the import', async () => {
    const csv = [
      header,
      '127.60.5.1,aa-bb-cc-00-05-01,NEW1,Antminer S21,Midland TX,R1,10,new@zeta.io,Zeta Mining,yes,Hydro;B7,=1+1',
      '127.60.5.2,,NEW2,Antminer S19j Pro,,,,new@zeta.io,,no,,',
      '127.60.5.3,,NEW3,Antminer S21,,,,solo@example.org,,,,',
    ].join('\n');
    const newClients = [
      { email: 'new@zeta.io', name: 'Zeta Mining', managerId: fleet.managerId },
      { email: 'solo@example.org', name: 'Solo Hashing', managerId: fleet.managerId },
    ];
    const result = await commit(csv, { siteId: fleet.odessa.siteId, newClients });
    expect(result).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    expect(result.createdClients.map((c) => [c.name, c.email])).toEqual([
      ['Zeta Mining', 'new@zeta.io'],
      ['Solo Hashing', 'solo@example.org'],
    ]);
    const zeta = result.createdClients[0].id;
    const first = t.db.select().from(miners).where(eq(miners.serial, 'NEW1')).get();
    expect(first).toMatchObject({
      assetId: 'A-005',
      mac: 'AA:BB:CC:00:05:01',
      clientId: zeta,
      state: 'assigned',
      rackPosition: 10,
      siteId: fleet.midland.siteId,
      notes: '=1+1',
    });
    const second = t.db.select().from(miners).where(eq(miners.serial, 'NEW2')).get();
    expect(second).toMatchObject({ siteId: fleet.odessa.siteId, rackId: null, paid: false, clientId: zeta });
    expect(getMinerDetail(t.db, first?.id ?? 0).tags).toEqual(['B7', 'Hydro']);
    expect(t.db.select().from(clients).where(eq(clients.id, zeta)).get()).toMatchObject({ status: 'active', managerId: fleet.managerId });
    const history = t.db
      .select()
      .from(minerIdentityHistory)
      .where(eq(minerIdentityHistory.minerId, first?.id ?? 0))
      .all();
    expect(history.filter((h) => h.toAt === null).map((h) => [h.kind, h.value, h.source])).toEqual(
      expect.arrayContaining([
        ['ip', '127.60.5.1', 'import'],
        ['mac', 'AA:BB:CC:00:05:01', 'import'],
        ['serial', 'NEW1', 'import'],
      ]),
    );
    const actions = t.db
      .select()
      .from(auditLog)
      .all()
      .map((row) => row.action);
    expect(actions.filter((a) => a === 'client.created')).toHaveLength(4); // two from the fixture
    expect(actions.filter((a) => a === 'miner.created')).toHaveLength(8); // five from the fixture
  });

  it('refuses a file with any error row and changes nothing', async () => {
    const csv = [header, '127.60.5.1,,NEW1,Antminer S21,,,,new@zeta.io,,,,', '127.60.5.2,,NEW2,Antminer S99,,,,,,,,'].join('\n');
    const before = { miners: countOf(miners), clients: countOf(clients), audit: countOf(auditLog) };
    await expect(commit(csv)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message:
        'Nothing was imported: 1 row has an error. Row 3: model "Antminer S99" is not in the model catalogue; add it under Models first, or correct the name. Fix the file and import it again.',
    });
    expect({ miners: countOf(miners), clients: countOf(clients), audit: countOf(auditLog) }).toEqual(before);
  });

  it('updates a miner matched by serial: the new IP, its identity history and one audit row; client moves through the assignment history', async () => {
    const a1 = fleet.miners[0];
    const result = await commit(['Serial,IP,Client e-mail,State', 'SN1,127.60.0.99,it@boreal.no,rma'].join('\n'));
    expect(result).toEqual({ created: 0, updated: 1, unchanged: 0, createdClients: [] });
    const detail = getMinerDetail(t.db, a1.id);
    expect(detail).toMatchObject({ ip: '127.60.0.99', client: { id: fleet.boreal.id }, state: 'rma', assetId: 'A-001' });
    expect(detail.assignments.map((a) => [a.client.id, a.toAt === null])).toEqual([
      [fleet.boreal.id, true],
      [fleet.acme.id, false],
    ]);
    const ipHistory = t.db
      .select()
      .from(minerIdentityHistory)
      .where(eq(minerIdentityHistory.minerId, a1.id))
      .all()
      .filter((h) => h.kind === 'ip');
    expect(ipHistory.find((h) => h.toAt === null)).toMatchObject({ value: '127.60.0.99', source: 'import' });
    const audit = t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(a1.id)))
      .all();
    const updated = audit.find((row) => row.action === 'miner.updated');
    expect(JSON.parse(updated?.beforeJson ?? '{}')).toEqual({ ip: '127.60.0.11', state: 'assigned' });
    expect(JSON.parse(updated?.afterJson ?? '{}')).toEqual({ ip: '127.60.0.99', state: 'rma', why: 'import' });
    expect(audit.some((row) => row.action === 'miner.client_changed')).toBe(true);
    // The same values previewed again change nothing.
    expect((await preview(['Serial,IP', 'SN1,127.60.0.99'].join('\n'))).rows[0].action).toBe('unchanged');
  });

  it('replaces tags and keeps an RMA machine RMA when only its client changes', async () => {
    t.db.update(miners).set({ state: 'rma' }).where(eq(miners.id, fleet.miners[0].id)).run();
    await commit(['Serial,Client e-mail,Tags', 'SN1,it@boreal.no,spare;Hot aisle'].join('\n'));
    expect(getMinerDetail(t.db, fleet.miners[0].id)).toMatchObject({ state: 'rma', client: { id: fleet.boreal.id }, tags: ['Hot aisle', 'spare'] });
    expect(t.db.select().from(minerTags).all()).toHaveLength(2);
  });
});

describe('miners import from XLSX', () => {
  async function xlsx(rows: unknown[][], edit?: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Miners');
    for (const row of rows) sheet.addRow(row);
    edit?.(sheet);
    return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
  }

  it('reads the first worksheet, numbers as text', async () => {
    const base64 = await xlsx([
      ['IP', 'Serial', 'Model', 'Site', 'Rack', 'Position'],
      ['127.60.7.1', 'X1', 'Antminer S21', 'Midland TX', 'R1', 30],
      [],
      ['127.60.7.2', 12345, 'Antminer S21', 'Odessa TX', null, null],
    ]);
    const result = await previewImport(t.db, input(base64, { fileName: 'm.xlsx' }), actor);
    expect(result.rows.map((r) => [r.row, r.action, r.errors])).toEqual([
      [2, 'create', []],
      [4, 'create', []],
    ]);
    expect(result.summary.emptyRows).toBe(1);
    await commitImport(t.db, input(base64, { fileName: 'm.xlsx' }), actor);
    expect(t.db.select().from(miners).where(eq(miners.serial, '12345')).get()).toMatchObject({ ip: '127.60.7.2', siteId: fleet.odessa.siteId });
  });

  it('refuses a formula, naming its cell', async () => {
    const base64 = await xlsx(
      [
        ['IP', 'Serial', 'Model'],
        ['127.60.7.1', 'X1', 'Antminer S21'],
      ],
      (sheet) => {
        sheet.getCell('B2').value = { formula: 'CONCAT("X",1)', result: 'X1' };
      },
    );
    await expect(previewImport(t.db, input(base64), actor)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/^Cell B2 holds a formula\. Formulas are not imported/),
    });
  });
});
