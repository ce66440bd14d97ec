import { formatDecimal } from '../../contract/money';
import { describeMinutes, type Firing, type RuleSetting } from './alerts.evaluate';

/**
 * A capped contract's power now: what its metering devices read when they answer, else the sum of its
 * answering miners' power as telemetry resolved it (PDU outlet where mapped, the miner's own report, else
 * the nameplate). `overSince` is when it was first seen over the cap, null while it is not.
 */
export type ContractPower = {
  contractId: number;
  reference: string;
  siteId: number;
  clientId: number;
  capW: number;
  measuredW: number;
  overSince: string | null;
};

const kw = (watts: number) => formatDecimal(Math.round(watts), 3);

/** Over the cap for longer than the rule's grace (minutes): strictly more, like the offline rule. The value is the minutes over. */
export function powerCapFirings(rows: readonly ContractPower[], rule: RuleSetting, nowMs: number): Firing[] {
  if (!rule.enabled) return [];
  const out: Firing[] = [];
  for (const row of rows) {
    if (row.overSince === null || row.measuredW <= row.capW) continue;
    const elapsedMs = nowMs - Date.parse(row.overSince);
    if (!(elapsedMs > rule.threshold * 60_000)) continue;
    const minutes = Math.floor(elapsedMs / 60_000);
    out.push({
      kind: 'power_cap',
      minerId: null,
      powerDeviceId: null,
      contractId: row.contractId,
      siteId: row.siteId,
      clientId: row.clientId,
      value: minutes,
      message: `${row.reference} draws ${kw(row.measuredW)} kW against its ${kw(row.capW)} kW cap: ${kw(row.measuredW - row.capW)} kW over for ${describeMinutes(minutes)} (rule: over ${rule.threshold} minutes)`,
    });
  }
  return out;
}
