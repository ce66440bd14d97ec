import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDispatchDb, type DispatchDb } from '../../../../tests/helpers/dispatch-db';
import { maxImportRows } from '../../../contract/miners.import';

let d: DispatchDb;
beforeAll(() => {
  d = openDispatchDb();
});
afterAll(() => d.t.close());

const b64 = (bytes: Buffer | string) => (typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).toString('base64');
const preview = (base64: string, mapping?: Record<string, string>) => d.run('miners.import.preview', { fileName: 'miners.csv', base64, mapping });
const commit = (base64: string) => d.run('miners.import.commit', { fileName: 'miners.csv', base64 });
const refusal = async (base64: string, mapping?: Record<string, string>) => {
  const outcome = await preview(base64, mapping);
  if (outcome.ok) throw new Error('expected the file to be refused');
  return outcome.error.message;
};

describe('miners import: files that are refused with a clear message', () => {
  it('refuses a file over 8 MB before decoding it', async () => {
    const outcome = await preview('A'.repeat(Math.ceil((8 * 1024 * 1024) / 3) * 4 + 4));
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('is larger than 8 MB: split the file into smaller ones') },
    });
  });

  it('refuses UTF-16 text and text in another encoding, asking for CSV UTF-8', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('IP,Serial\r\n127.60.0.1,X\r\n', 'utf16le')]);
    expect(await refusal(b64(utf16))).toMatch(/^The file is saved as UTF-16 text, not UTF-8\. .*save it as "CSV UTF-8"/);
    const latin1 = Buffer.from('IP,Serial,Notes\n127.60.0.1,X,caf\xe9\n', 'latin1');
    expect(await refusal(b64(latin1))).toMatch(/^The file is not UTF-8 text .*save it as "CSV UTF-8"/);
  });

  it('refuses a file without a header row, an empty file, and one with a header only', async () => {
    expect(await refusal(b64('\nIP,Serial\n127.60.0.1,X\n'))).toBe(
      'The file has no header row: row 1 is empty. Put the column names (IP, MAC, Serial, Model…) in row 1.',
    );
    expect(await refusal(b64('127.60.0.1,X1\n127.60.0.2,X2\n'))).toMatch(/^Row 1 holds data \("127\.60\.0\.1"\), not column names/);
    expect(await refusal(b64('\n\n'))).toMatch(/^The file is empty\./);
    expect(await refusal(b64('IP,Serial\n'))).toBe('The file has a header row but no miners below it. Add one miner per row.');
  });

  it('names duplicate column headers', async () => {
    expect(await refusal(b64('IP,Serial,ip,Model\n127.60.0.1,X,127.60.0.2,Antminer S21\n'))).toBe(
      'The header row names 1 column twice: "IP". Give every column its own name (or delete the copy) and import again.',
    );
  });

  it('refuses a mapping that reads two columns as one field, or names a column the file lacks', async () => {
    const file = b64('IP,Serial,Other\n127.60.0.1,X,Y\n');
    expect(await refusal(file, { Other: 'serial' })).toBe(
      '"Serial" and "Other" are both read as Serial. Map each field from one column only, and set the others to "ignore".',
    );
    expect(await refusal(file, { Nope: 'ip' })).toMatch(/^The column mapping names "Nope", which the file does not have/);
  });

  it('refuses more than 20,000 rows', async () => {
    const rows = Array.from({ length: maxImportRows + 1 }, (_, i) => `127.60.${i >> 8}.${i & 255},S${i}`);
    expect(await refusal(b64(['IP,Serial', ...rows].join('\n')))).toBe(
      'The file has 20,001 rows; one import takes at most 20,000. Split it into smaller files and import them one after another.',
    );
  });

  it('refuses an old .xls, a damaged .xlsx, an unclosed quote and binary data', async () => {
    expect(await refusal(b64(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))).toMatch(/^This is an old Excel 97–2003 \(\.xls\) file/);
    expect(await refusal(b64(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 7)])))).toMatch(
      /^The file looks like an XLSX workbook but cannot be read/,
    );
    expect(await refusal(b64('IP,Notes\n127.60.0.1,"never closed\n127.60.0.2,x\n'))).toMatch(
      /^Row 2: the CSV file cannot be read: a quoted cell is never closed/,
    );
    expect(await refusal(b64(Buffer.from('IP,Serial\n\0\0\0\n')))).toMatch(/^The file holds binary data, not CSV text/);
  });

  it('refuses an XLSX cell showing an error, and a formula on commit as on preview, changing nothing', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Miners');
    sheet.addRow(['IP', 'Serial', 'Model']);
    sheet.addRow(['127.60.0.1', 'X', 'Antminer S21']);
    sheet.getCell('C2').value = { error: '#REF!' };
    const base64 = b64(Buffer.from(await book.xlsx.writeBuffer()));
    expect(await refusal(base64)).toBe('Cell C2 shows the error #REF!. Fix or clear that cell and save the file again.');
    sheet.getCell('C2').value = { formula: 'A1', result: 'IP' };
    const outcome = await commit(b64(Buffer.from(await book.xlsx.writeBuffer())));
    expect(outcome).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Cell C2 holds a formula/) } });
    const list = await d.run('miners.list', {});
    expect(list).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('skips empty rows, counts them, and keeps row numbers as the spreadsheet shows them', async () => {
    const outcome = await preview(b64('\uFEFFIP;Serial;Model\n\n127.60.0.1;X;Antminer S21\n;;\n127.60.0.2;Y;Antminer S21\n'));
    expect(outcome).toMatchObject({ ok: true, value: { summary: { rows: 2, emptyRows: 2, create: 2 } } });
    if (outcome.ok) expect((outcome.value as { rows: { row: number }[] }).rows.map((row) => row.row)).toEqual([3, 5]);
  });
});
