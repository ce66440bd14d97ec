import type { MinerListRow } from '../../../../electron/contract/miners.list';
import type { EquipmentTotals } from '../../../../electron/contract/contracts';
import { formatDecimal, parseDecimal } from '../../../../electron/contract/money';

/** Nominal TH/s and kW of some miners, summed exactly (TH/s to three decimals, watts as integers). */
export function totalsOf(rows: readonly Pick<MinerListRow, 'nominalHashrateThs' | 'nominalPowerW'>[]): EquipmentTotals {
  let ghs = 0;
  let watts = 0;
  for (const row of rows) {
    ghs += row.nominalHashrateThs === null ? 0 : (parseDecimal(row.nominalHashrateThs, 3) ?? 0);
    watts += row.nominalPowerW ?? 0;
  }
  return { count: rows.length, nominalThs: formatDecimal(ghs, 3), nominalKw: formatDecimal(watts, 3) };
}

/** Two totals together, exactly. */
export function addTotals(a: EquipmentTotals, b: EquipmentTotals): EquipmentTotals {
  const sum = (x: string, y: string) => formatDecimal((parseDecimal(x, 3) ?? 0) + (parseDecimal(y, 3) ?? 0), 3);
  return { count: a.count + b.count, nominalThs: sum(a.nominalThs, b.nominalThs), nominalKw: sum(a.nominalKw, b.nominalKw) };
}

/** How full the cap is, in percent for a progress bar (at most 100), or null without a cap. */
export function capShare(kw: string, capKw: string | null): number | null {
  const cap = capKw === null ? null : parseDecimal(capKw, 3);
  if (!cap) return null;
  return Math.min(100, ((parseDecimal(kw, 3) ?? 0) * 100) / cap);
}
