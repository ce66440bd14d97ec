import type { Db } from '../../../db/open-db';
import type { FileDownload } from '../../contract/miners.import';
import { currencyDecimals, formatDecimal } from '../../contract/money';
import type { ReportFormat } from '../../contract/reports';
import { spreadsheetFile, type Cell, type SheetData } from '../exports/spreadsheet-file';
import { monthlyConsumption, type AmountSource, type Consumption } from './consumption.data';

/** Whole Wh as a kWh number with three decimals (exact: through decimal text, never Wh / 1000 in floats). */
const kwh = (energyWh: number): number => Number(formatDecimal(energyWh, 3));
const amount = (minor: number, currency: string): number => Number(formatDecimal(minor, currencyDecimals(currency)));
const sourceWords: Record<AmountSource, string> = { invoiced: 'Invoiced', estimate: 'Estimate (billing preview)' };
const sourceText = (sources: AmountSource[]) => sources.map((s) => sourceWords[s]).join(' and ');

function xlsxSheets(c: Consumption): SheetData[] {
  return [
    {
      name: 'Summary',
      headers: ['Client', 'Miners', 'kWh', 'Amount', 'Currency', 'Amount from'],
      rows: c.summary.map((s) => [s.client, s.miners, kwh(s.energyWh), amount(s.amountMinor, s.currency), s.currency, sourceText(s.sources)]),
    },
    {
      name: 'Daily',
      headers: ['Client', ...c.days, 'Total kWh'],
      rows: c.daily.map((d) => [d.client, ...d.energyWh.map(kwh), kwh(d.energyWh.reduce((a, b) => a + b, 0))]),
    },
    {
      name: 'Detail',
      // One row per miner for the month: a day column per miner (310,000 cells for 10,000 miners) made the file too slow to write.
      headers: ['Client', 'Miner', 'Contract', 'Method', 'kWh'],
      rows: c.detail.map((m) => [m.client, m.miner, m.contract, m.method, kwh(m.energyWh)]),
    },
  ];
}

/**
 * CSV is one table with a Section column: Summary rows (client, miners, kWh, amount), Daily rows (client, date,
 * kWh) and Detail rows (client, miner, contract, method, month kWh); a spreadsheet filters it by Section.
 */
function csvSheet(c: Consumption): SheetData {
  const row = (fields: Partial<Record<'section' | 'client' | 'date' | 'miner' | 'contract' | 'method' | 'miners' | 'kwh' | 'amount' | 'currency' | 'from', Cell>>): Cell[] =>
    [fields.section, fields.client, fields.date, fields.miner, fields.contract, fields.method, fields.miners, fields.kwh, fields.amount, fields.currency, fields.from].map(
      (cell) => cell ?? null,
    );
  return {
    name: 'Consumption',
    headers: ['Section', 'Client', 'Date', 'Miner', 'Contract', 'Method', 'Miners', 'kWh', 'Amount', 'Currency', 'Amount from'],
    rows: [
      ...c.summary.map((s) =>
        row({ section: 'Summary', client: s.client, miners: s.miners, kwh: kwh(s.energyWh), amount: amount(s.amountMinor, s.currency), currency: s.currency, from: sourceText(s.sources) }),
      ),
      ...c.daily.flatMap((d) => d.energyWh.map((wh, i) => row({ section: 'Daily', client: d.client, date: c.days[i], kwh: kwh(wh) }))),
      ...c.detail.map((m) => row({ section: 'Detail', client: m.client, miner: m.miner, contract: m.contract, method: m.method, kwh: kwh(m.energyWh) })),
    ],
  };
}

/** `reports.monthlyConsumption`: consumption-2026-03.xlsx (or -<client id> for one client). */
export async function monthlyConsumptionFile(db: Db, input: { period: string; clientId?: number; format: ReportFormat }): Promise<FileDownload> {
  const consumption = monthlyConsumption(db, input.period, input.clientId);
  const name = `consumption-${input.period}${input.clientId === undefined ? '' : `-client-${input.clientId}`}`;
  return spreadsheetFile(input.format, name, input.format === 'csv' ? [csvSheet(consumption)] : xlsxSheets(consumption));
}
