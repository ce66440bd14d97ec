import type { MinerLiveStatus, PowerSource } from '../../contract/miners';
import type { Telemetry } from '../discovery/drivers/types';

/**
 * When an answering miner counts as "warning" instead of "online". One place for the thresholds:
 * the alerts work will turn them into settings.
 */
export const warningThresholds = {
  /** Below this share of the nominal hashrate (model catalogue, else the firmware's own figure). */
  hashrateShareBelow: 0.8,
  /** At or above this temperature, °C (the hottest chip or board reading). */
  tempMaxCAtLeast: 85,
} as const;

/** Why a miner is in warning, in plain words; empty when it is fine. */
export function warningReasons(t: Pick<Telemetry, 'hashrateGhs' | 'tempMaxC' | 'errors' | 'nominalHashrateGhs'>, modelNominalGhs: number | null): string[] {
  const reasons: string[] = [];
  const nominal = modelNominalGhs ?? t.nominalHashrateGhs;
  // Compared in integers: hashrate × 10 < nominal × 8 is "below 80 %" without a float.
  if (nominal !== null && nominal > 0 && t.hashrateGhs !== null && t.hashrateGhs * 10 < nominal * warningThresholds.hashrateShareBelow * 10) {
    reasons.push(`hashrate ${t.hashrateGhs} GH/s is below ${warningThresholds.hashrateShareBelow * 100} % of the nominal ${nominal} GH/s`);
  }
  if (t.tempMaxC !== null && t.tempMaxC >= warningThresholds.tempMaxCAtLeast) {
    reasons.push(`temperature ${t.tempMaxC} °C is at or above ${warningThresholds.tempMaxCAtLeast} °C`);
  }
  if (t.errors.length > 0) reasons.push(`the miner reports: ${t.errors.join('; ')}`);
  return reasons;
}

export function liveStatusOf(answered: boolean, reasons: readonly string[]): MinerLiveStatus {
  if (!answered) return 'offline';
  return reasons.length > 0 ? 'warning' : 'online';
}

/** A PDU outlet's reading for a miner; supplied by the power work (outlet mapping), absent until then. */
export type OutletPower = { powerW: number };

/**
 * The power of an answering miner and where it came from: the miner's own report where the firmware has
 * one, else its PDU outlet (the seam: `outlet` is passed once the power work maps outlets to miners),
 * else the model's nameplate. null when none is known (no report, no outlet, not in the catalogue).
 */
export function powerOf(
  t: Pick<Telemetry, 'powerW' | 'powerSource'>,
  outlet: OutletPower | null,
  nameplateW: number | null,
): { powerW: number; source: PowerSource } | null {
  if (t.powerW !== null && t.powerSource === 'miner') return { powerW: Math.max(0, Math.round(t.powerW)), source: 'miner' };
  if (outlet) return { powerW: Math.max(0, Math.round(outlet.powerW)), source: 'pdu' };
  if (nameplateW !== null) return { powerW: nameplateW, source: 'nameplate' };
  return null;
}
