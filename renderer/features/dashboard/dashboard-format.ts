import { formatDecimal } from '../../../electron/contract/money';

const hashrateUnits = [
  { unit: 'EH/s', ghs: 1_000_000_000 },
  { unit: 'PH/s', ghs: 1_000_000 },
  { unit: 'TH/s', ghs: 1_000 },
] as const;

const grouped = (text: string) => {
  const [whole, fraction] = text.split('.');
  const withCommas = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${withCommas}.${fraction}` : withCommas;
};

/** Rounds an integer to `decimals` places of `per` (half up) and writes it with exactly that many decimals. */
function scaled(value: number, per: number, decimals: number): string {
  const step = per / 10 ** decimals;
  return grouped(formatDecimal(Math.round(value / step), decimals, decimals));
}

/** A fleet's hashrate (GH/s integer) in the largest unit that keeps it at 1 or more: "12.48 PH/s", "845.2 TH/s". */
export function fleetHashrateText(ghs: number): string {
  const { unit, ghs: per } = hashrateUnits.find((u) => ghs >= u.ghs) ?? hashrateUnits[2];
  return `${scaled(ghs, per, unit === 'TH/s' ? 1 : 2)} ${unit}`;
}

/** Power in W as kW with one decimal: "1,234.5 kW". */
export const kwText = (watts: number): string => `${scaled(watts, 1_000, 1)} kW`;

/** Watts per TH/s, which is joules per terahash: "20.3 J/TH". */
export const efficiencyText = (watts: number, ghs: number): string => `${scaled(watts * 1_000, ghs, 1)} J/TH`;

/** A count with its noun: "1 miner", "1,204 miners". */
export const countText = (n: number, noun: string): string => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

/** The share of a part in a whole as a whole percent, for bars ("0" for an empty whole). */
export const percentOf = (part: number, whole: number): number => (whole > 0 ? Math.round((part * 100) / whole) : 0);
