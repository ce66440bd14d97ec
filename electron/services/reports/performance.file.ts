import type { Db } from '../../../db/open-db';
import type { FileDownload } from '../../contract/miners.import';
import { performanceMinerRowCap, type ReportFormat } from '../../contract/reports';
import { spreadsheetFile, type Cell, type SheetData } from '../exports/spreadsheet-file';
import { clientPerformance, type ClientPerformance, type MinerPerformance, type Performance } from './performance.data';

/** A figure rounded half-up to `decimals` for a cell (telemetry averages, not money: a number is what a sheet sums). */
const rounded = (value: number, decimals: number): number => {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
};
const ths = (ghs: number): number => rounded(ghs / 1000, 2);
const hours = (seconds: number): number => rounded(seconds / 3600, 1);
const percent = (part: number, whole: number): Cell => (whole > 0 ? rounded((part * 100) / whole, 1) : null);

const summaryHeaders = ['Client', 'Miners', 'Miner-hours', 'Hours online', 'Uptime %', 'Avg TH/s', 'Nominal TH/s', '% of nominal'];
const minerHeaders = ['Client', 'Site', 'Miner', 'Model', 'Contract', 'Hours', 'Hours online', 'Uptime %', 'Avg TH/s', 'Avg TH/s online', 'Nominal TH/s', '% of nominal'];

const summaryCells = (c: ClientPerformance): Cell[] => [
  c.client,
  c.miners,
  c.hours,
  hours(c.onlineS),
  percent(c.onlineS, c.hours * 3600),
  ths(c.averageGhs),
  c.nominalGhs === null ? null : ths(c.nominalGhs),
  c.nominalGhs === null ? null : percent(c.averageGhs, c.nominalGhs),
];

function minerCells(m: MinerPerformance): Cell[] {
  const countedS = m.hours * 3600;
  return [
    m.client,
    m.site,
    m.miner,
    m.model,
    m.contract,
    m.hours,
    hours(m.onlineS),
    percent(m.onlineS, countedS),
    ths(m.hashGhsS / countedS),
    m.hashingS > 0 ? ths(m.hashGhsS / m.hashingS) : null,
    m.nominalGhs === null ? null : ths(m.nominalGhs),
    m.nominalGhs === null ? null : percent(m.hashGhsS, m.nominalGhs * countedS),
  ];
}

/** The sentence under a cut Miners sheet. */
const capNote = (p: Performance): string =>
  `Only the first ${p.miners.length.toLocaleString('en-US')} of ${p.minersTotal.toLocaleString('en-US')} miners are listed; choose a site or a client to see the others. The Summary counts them all.`;

function xlsxSheets(p: Performance): SheetData[] {
  const note = p.minersTotal > p.miners.length ? [[capNote(p)]] : [];
  return [
    { name: 'Summary', headers: summaryHeaders, rows: p.clients.map(summaryCells) },
    { name: 'Miners', headers: minerHeaders, rows: [...p.miners.map(minerCells), ...note] },
  ];
}

/** CSV is one table with a Section column: a Summary row per client (miner columns blank), then a Miner row per miner. */
function csvSheet(p: Performance): SheetData {
  const summaryRow = (c: ClientPerformance): Cell[] => {
    const [client, miners, ...figures] = summaryCells(c);
    const [minerHours, online, uptime, average, nominal, share] = figures;
    return ['Summary', client, null, null, null, null, miners, minerHours, online, uptime, average, null, nominal, share];
  };
  const minerRow = (m: MinerPerformance): Cell[] => {
    const cells = minerCells(m);
    return ['Miner', ...cells.slice(0, 5), null, ...cells.slice(5)];
  };
  const note = p.minersTotal > p.miners.length ? [['Note', capNote(p)]] : [];
  return {
    name: 'Performance',
    headers: ['Section', ...minerHeaders.slice(0, 5), 'Miners', ...minerHeaders.slice(5)],
    rows: [...p.clients.map(summaryRow), ...p.miners.map(minerRow), ...note],
  };
}

/** `reports.clientPerformance`: performance-2026-03.xlsx (-site-<id>, -client-<id> when narrowed). */
export async function clientPerformanceFile(
  db: Db,
  input: { period: string; siteId?: number; clientId?: number; format: ReportFormat },
  minerRowCap = performanceMinerRowCap,
  now = new Date(),
): Promise<FileDownload & { rows: number; truncated: boolean }> {
  const performance = clientPerformance(db, input, minerRowCap, now);
  const name = [`performance-${input.period}`, input.siteId && `site-${input.siteId}`, input.clientId && `client-${input.clientId}`].filter(Boolean).join('-');
  const file = await spreadsheetFile(input.format, name, input.format === 'csv' ? [csvSheet(performance)] : xlsxSheets(performance));
  return { ...file, rows: performance.miners.length, truncated: performance.minersTotal > performance.miners.length };
}
