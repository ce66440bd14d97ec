import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDispatchDb, type DispatchDb } from '../../../../tests/helpers/dispatch-db';
import { xlsxOfCells, zipParts } from '../../../../tests/helpers/xlsx-parts';
import type { Outcome } from '../../../contract/errors';

let d: DispatchDb;
beforeAll(() => {
  d = openDispatchDb();
});
afterAll(() => d.t.close());

const preview = (bytes: Buffer, mapping?: Record<string, string>) =>
  d.run('miners.import.preview', { fileName: 'hostile', base64: bytes.toString('base64'), mapping });

const messageOf = (outcome: Outcome<unknown>) => (outcome.ok ? 'accepted' : outcome.error.message);

/**
 * Runs the import call while asking for the sites list every few milliseconds, and tells in which order
 * things were answered: a parse on the main thread would answer the import before any site list.
 */
async function importAlongsideOtherCalls(run: () => Promise<Outcome<unknown>>) {
  const order: string[] = [];
  let importing = true;
  const others = (async () => {
    while (importing) {
      // The next turn of the event loop, no later: a parse on the main thread holds it until the import has answered,
      // a parse in a worker leaves it free at once (a longer pause lost the race to a quickly refused file on a busy machine).
      await new Promise((resolve) => setTimeout(resolve, 0));
      const outcome = await d.run('sites.list', {});
      if (importing && outcome.ok) order.push('other call');
    }
  })();
  const outcome = await run();
  importing = false;
  order.push('import');
  await others;
  return { outcome, order };
}

/** 4,000 rows each holding one cell in column XFD, the last Excel has: 27 KB on disk. */
const wideXlsx = () =>
  xlsxOfCells([
    { row: 1, cells: [['A1', 'IP']] },
    ...Array.from({ length: 4_000 }, (_, i) => ({ row: i + 2, cells: [[`XFD${i + 2}`, 'x']] as [string, string][] })),
  ]);

describe('miners import: hostile files are refused in a sentence while other calls are answered', () => {
  it('refuses a small XLSX with cells in column XFD, naming the cell and the limit', async () => {
    const file = wideXlsx();
    expect(file.length).toBeLessThan(50_000);
    const { outcome, order } = await importAlongsideOtherCalls(() => preview(file));
    expect(messageOf(outcome)).toBe(
      'Cell XFD2 is beyond column GR: an import reads at most 200 columns (A to GR). Delete the columns after GR, or move their data left, and save the file again.',
    );
    expect(order[0]).toBe('other call');
    expect(order.at(-1)).toBe('import');
  });

  it('refuses a CSV whose second row has 7 million empty cells, without answering them back', async () => {
    const file = Buffer.from(`IP,Serial\n${','.repeat(7_000_000)}\n127.60.0.1,X\n`);
    const { outcome, order } = await importAlongsideOtherCalls(() => preview(file));
    expect(messageOf(outcome)).toBe(
      'Row 2 of the file has more than 16,384 cells; an import reads at most 200 columns. Delete the empty columns at the end of that row, save the file again as CSV UTF-8 and import it again.',
    );
    expect(JSON.stringify(outcome).length).toBeLessThan(1_000);
    expect(order[0]).toBe('other call');
  });

  it('refuses a filled cell right of column GR, an empty formatted one there, an overlong cell and an overlong column name', async () => {
    const row2 = Array.from({ length: 201 }, (_, i) => (i === 0 ? '127.60.0.1' : i === 200 ? 'stray' : '')).join(',');
    expect(messageOf(await preview(Buffer.from(`IP,Serial\n${row2}\n`)))).toMatch(/^Cell GS2 is beyond column GR: an import reads at most 200 columns/);
    const formatted = zipParts({
      'xl/worksheets/sheet1.xml':
        '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>IP</t></is></c><c r="ZZ1" s="3"/></row></sheetData></worksheet>',
    });
    expect(messageOf(await preview(formatted))).toMatch(/^Cell ZZ1 has formatting beyond column GR/);
    expect(messageOf(await preview(Buffer.from(`IP,Notes\n127.60.0.1,${'n'.repeat(10_001)}\n`)))).toBe(
      'Cell B2 holds 10,001 characters; a cell may hold at most 10,000. Shorten it and save the file again.',
    );
    expect(messageOf(await preview(Buffer.from(`IP,${'h'.repeat(201)}\n127.60.0.1,x\n`)))).toBe(
      'Cell B1 holds 201 characters; a column name may have at most 200. Shorten it and save the file again.',
    );
  });

  // Making the 101 MB part takes a few seconds on a busy machine.
  it('refuses a workbook that unpacks past 100 MB before opening it', { timeout: 90_000 }, async () => {
    const bomb = zipParts({ 'xl/worksheets/sheet1.xml': `<worksheet>${' '.repeat(101 * 1024 * 1024)}</worksheet>` });
    expect(bomb.length).toBeLessThan(1_000_000);
    expect(messageOf(await preview(bomb))).toMatch(/^The workbook unpacks to more than 100 MB/);
  });

  it('reads a hand-made XLSX within the limits', async () => {
    const file = xlsxOfCells([
      {
        row: 1,
        cells: [
          ['A1', 'IP'],
          ['B1', 'Serial'],
          ['GR1', 'Last'],
        ],
      },
      {
        row: 3,
        cells: [
          ['A3', '127.60.0.1'],
          ['B3', 'X1'],
          ['GR3', 'kept'],
        ],
      },
    ]);
    const outcome = await preview(file);
    expect(outcome).toMatchObject({ ok: true, value: { summary: { rows: 1, emptyRows: 1 } } });
    if (outcome.ok) expect((outcome.value as { columns: unknown[] }).columns).toHaveLength(200);
  });

  it('quotes at most 60 characters of a cell in a row error', async () => {
    const outcome = await preview(Buffer.from(`IP,Serial,Model\n${'9'.repeat(5_000)},X,Antminer S21\n`));
    const errors = outcome.ok ? (outcome.value as { rows: { errors: string[] }[] }).rows[0].errors : [];
    expect(errors).toEqual([`IP "${'9'.repeat(60)}…" is not a valid IPv4 address, like 127.60.0.10`]);
  });
});

describe('miners import: headers and cells that name Object members', () => {
  const members = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];

  it('reads columns named after Object members as ordinary columns, ignored unless mapped', async () => {
    const file = Buffer.from(`IP,Serial,Model,${members.join(',')}\n127.60.0.1,X,Antminer S21,a,b,c,d,e\n`);
    const outcome = await preview(file);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const value = outcome.value as { columns: { header: string; mapped: string }[]; summary: { create: number } };
    expect(value.columns.slice(3)).toEqual(members.map((header) => ({ header, suggested: 'ignore', mapped: 'ignore' })));
    expect(value.summary.create).toBe(1);
    expect(d.log.error).not.toHaveBeenCalled();
  });

  it('maps a column named constructor when asked, and refuses a cell saying constructor in Paid with a sentence', async () => {
    const file = Buffer.from('IP,constructor,Model,Paid\n127.60.0.1,SN-CTOR,Antminer S21,constructor\n');
    const outcome = await preview(file, { constructor: 'serial' });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const value = outcome.value as { columns: { header: string; mapped: string }[]; rows: { errors: string[] }[] };
    expect(value.columns[1]).toMatchObject({ header: 'constructor', mapped: 'serial' });
    expect(value.rows[0].errors).toEqual([expect.stringMatching(/^Paid "constructor" should be yes or no/)]);
    expect(d.log.error).not.toHaveBeenCalled();
  });
});
