import type { MinerLiveStatus } from '../../../electron/contract/miners';
export { liveStatusLabels, minerStateLabels } from '../../../electron/contract/miners.vocab';
import type { MinerListRow } from '../../../electron/contract/miners.list';

export const noValue = '—';

export const liveStatusColors: Record<MinerLiveStatus, string> = { online: 'green', offline: 'red', warning: 'yellow', unknown: 'gray' };

/** A TH/s figure to one decimal for reading ("204.579" → "204.6"); the exact text stays in the API and the drawer. */
const roughThs = (text: string) => {
  const n = Number(text);
  return Number.isFinite(n) ? String(Math.round(n * 10) / 10) : text;
};

/** Live and nominal hashrate, "—/200 TH/s" until the miner was polled; the live figure to one decimal. */
export function hashrateText(row: Pick<MinerListRow, 'live' | 'nominalHashrateThs'>): string {
  const live = row.live?.hashrateThs ? roughThs(row.live.hashrateThs) : noValue;
  return `${live}/${row.nominalHashrateThs ?? noValue} TH/s`;
}

export const temperatureText = (row: Pick<MinerListRow, 'live'>) => (row.live?.tempMaxC == null ? noValue : `${row.live.tempMaxC} °C`);

export const fansText = (row: Pick<MinerListRow, 'live'>) => (row.live?.fansRpm.length ? `${row.live.fansRpm.join(' / ')} rpm` : noValue);

export const poolText = (row: Pick<MinerListRow, 'live' | 'workerName'>) =>
  [row.live?.poolUrl, row.live?.poolUser ?? row.workerName].filter(Boolean).join(' · ') || noValue;

const wattFormat = new Intl.NumberFormat('en-US');

/** Live and nominal power like the hashrate, "—/3,500 W" until polled. */
export function powerText(row: Pick<MinerListRow, 'live' | 'nominalPowerW'>): string {
  const watts = (w: number | null | undefined) => (w == null ? noValue : wattFormat.format(w));
  return `${watts(row.live?.powerW)}/${watts(row.nominalPowerW)} W`;
}

/** "3 d 4 h", "5 h 12 min", "42 s". */
export function durationText(seconds: number | null | undefined): string {
  if (seconds == null) return noValue;
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3_600);
  const m = Math.floor((seconds % 3_600) / 60);
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  return m > 0 ? `${m} min` : `${seconds} s`;
}

/** Room and rack with the position, e.g. "C1 / R12 #7". */
export function placeText(row: Pick<MinerListRow, 'roomName' | 'rackName' | 'rackPosition'>): string {
  if (!row.rackName) return noValue;
  const rack = row.rackPosition == null ? row.rackName : `${row.rackName} #${row.rackPosition}`;
  return row.roomName ? `${row.roomName} / ${rack}` : rack;
}

/** "1 miner", "240 miners", with thousands separators. */
export const minersText = (n: number) => `${n.toLocaleString('en-US')} miner${n === 1 ? '' : 's'}`;
