import ExcelJS from 'exceljs';
import { staff } from '../db/schema';
import { contract } from '../electron/contract';
import { applyImport } from '../electron/services/miners/import/import.commit';
import { readImportFileOffThread } from '../electron/services/miners/import/import.file-worker';
import { planImport, toPreview } from '../electron/services/miners/import/import.preview';
import { withFilledDb } from './fixtures/bench-db';
import { timeRuns } from './fixtures/time-runs';

const rowCount = 10_000;
const header = ['Serial', 'IP', 'MAC', 'Model', 'Site', 'Rack', 'Position', 'Client e-mail', 'Paid', 'Tags'];

/** Half the rows update miners of the filled database (new IP, paid, tags), half add miners, a few for new clients. */
function rows(): string[][] {
  return Array.from({ length: rowCount }, (_, k) => {
    const i = k + 1;
    if (k % 2 === 0)
      return [`SN${100_000_000 + i}`, `127.70.${i >> 8}.${i & 255}`, '', 'Antminer S21', '', '', '', `c${1 + (k % 500)}@bench.example`, 'no', 'batch 7'];
    const hex = i.toString(16).padStart(6, '0');
    const email = k % 100 === 1 ? `new${k}@bench.example` : `c${1 + (k % 500)}@bench.example`;
    return [
      `NEW${i}`,
      `127.71.${i >> 8}.${i & 255}`,
      `06:00:00:${hex.slice(0, 2)}:${hex.slice(2, 4)}:${hex.slice(4)}`,
      'Antminer S21 Pro',
      'Site 5',
      '',
      '',
      email,
      'yes',
      '',
    ];
  });
}

async function xlsxBase64(data: string[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Miners');
  sheet.addRow(header);
  for (const row of data) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

/** miners.import.preview of a 10,000-row file over 100,000 miners: reading the file (in the import worker, as served), then checking every row against the database. Target: ≤ 2 s in all. Then the commit of the same file, once. */
export async function minersImportPreview(): Promise<Record<string, number>> {
  const data = rows();
  const csv = [header, ...data].map((row) => row.join(',')).join('\n');
  const inputs = {
    csv: contract['miners.import.preview'].input.parse({ fileName: 'bench.csv', base64: Buffer.from(csv).toString('base64') }),
    xlsx: contract['miners.import.preview'].input.parse({ fileName: 'bench.xlsx', base64: await xlsxBase64(data) }),
  };
  const readMs = async (input: typeof inputs.csv) => {
    const start = performance.now();
    const file = await readImportFileOffThread(input);
    return { file, ms: Math.round((performance.now() - start) * 10) / 10 };
  };
  // The worker starts once per process (under tsx it also compiles its TypeScript): not part of reading a file.
  await readImportFileOffThread({ base64: Buffer.from('Serial\nX\n').toString('base64'), mapping: {} });
  const csvRead = await readMs(inputs.csv);
  const xlsxRead = await readMs(inputs.xlsx);
  return withFilledDb((db) => {
    const asPreviewed = { siteId: null, newClients: [] };
    let preview = toPreview('bench.csv', planImport(db, csvRead.file, asPreviewed, 'bench'));
    const check = timeRuns(() => {
      preview = toPreview('bench.csv', planImport(db, csvRead.file, asPreviewed, 'bench'));
    }, 5);
    const summary = preview.summary;
    // As the person importing would: each new client named after its e-mail, managed by the first staff member.
    const managerId = db.select({ id: staff.id }).from(staff).orderBy(staff.id).limit(1).get()?.id ?? 0;
    const newClients = preview.newClients.map((client) => ({ email: client.email, name: client.email, managerId }));
    const start = performance.now();
    applyImport(db, csvRead.file, { siteId: null, newClients }, 'bench');
    const commitMs = Math.round((performance.now() - start) * 10) / 10;
    return {
      rows: summary.rows,
      updates: summary.update,
      creates: summary.create,
      errors: summary.error,
      newClients: summary.newClients,
      csvReadMs: csvRead.ms,
      xlsxReadMs: xlsxRead.ms,
      checkMedianMs: check.median,
      csvPreviewMs: Math.round((csvRead.ms + check.median) * 10) / 10,
      xlsxPreviewMs: Math.round((xlsxRead.ms + check.median) * 10) / 10,
      commitMs,
    };
  });
}
