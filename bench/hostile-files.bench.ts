import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiClient, startServer } from '../tests/helpers/serve-process';
import { xlsxOfCells } from '../tests/helpers/xlsx-parts';

/** 4,000 rows each holding one cell in column XFD: a 27 KB file that once froze the API for 33 s. */
const wideXlsx = () =>
  xlsxOfCells([
    { row: 1, cells: [['A1', 'IP']] },
    ...Array.from({ length: 4_000 }, (_, i) => ({ row: i + 2, cells: [[`XFD${i + 2}`, 'x']] as [string, string][] })),
  ]);

/** A CSV whose second row has 7 million empty cells. */
const emptyCellsCsv = () => Buffer.from(`IP,Serial\n${','.repeat(7_000_000)}\n127.60.0.1,X\n`);

const round = (ms: number) => Math.round(ms * 10) / 10;

/**
 * Hostile import files against the built `serve` process, as a user's browser meets it: the first file
 * after start (the import worker starts cold), the same again (warm), and the slowest answer to
 * `sites.list` asked every 5 ms meanwhile. Target: each refused in a sentence in under 1 s, other calls
 * answered throughout. Needs `npm run build` (the bench script builds first).
 */
export async function hostileFilesRefused(): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hashdesk-bench-hostile-'));
  const server = await startServer(dataDir);
  const api = apiClient(server);
  try {
    await api.call('sites.list', {});
    const refuse = async (fileName: string, bytes: Buffer) => {
      let importing = true;
      let slowestOther = 0;
      const others = (async () => {
        while (importing) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          const start = performance.now();
          await api.call('sites.list', {});
          slowestOther = Math.max(slowestOther, performance.now() - start);
        }
      })();
      const start = performance.now();
      const outcome = await api.raw('miners.import.preview', { fileName, base64: bytes.toString('base64') });
      const ms = performance.now() - start;
      importing = false;
      await others;
      if (outcome.ok) throw new Error(`${fileName} was accepted; the bench expects a refusal`);
      return { ms: round(ms), slowestOther: round(slowestOther) };
    };
    const coldWide = await refuse('wide.xlsx', wideXlsx());
    const warmWide = await refuse('wide.xlsx', wideXlsx());
    const emptyCells = await refuse('empty-cells.csv', emptyCellsCsv());
    return {
      wideXlsxColdWorkerMs: coldWide.ms,
      wideXlsxWarmWorkerMs: warmWide.ms,
      emptyCellsCsvMs: emptyCells.ms,
      slowestOtherCallMs: Math.max(coldWide.slowestOther, warmWide.slowestOther, emptyCells.slowestOther),
      targetMs: 1_000,
    };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
