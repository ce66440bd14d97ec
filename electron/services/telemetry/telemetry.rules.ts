import type { MinerLiveStatus, PowerSource } from '../../contract/miners';
import { isHashrateLow, isTempHigh } from '../alerts/alerts.evaluate';
import type { WarningThresholds } from '../alerts/alerts.rules';
import type { Telemetry } from '../discovery/drivers/types';

/**
 * Why a miner is in warning, in plain words; empty when it is fine. The thresholds are the alert rules'
 * (hashrate_low, temp_high), so a miner in warning and its alert agree.
 */
export function warningReasons(
  t: Pick<Telemetry, 'hashrateGhs' | 'tempMaxC' | 'errors' | 'nominalHashrateGhs'>,
  modelNominalGhs: number | null,
  thresholds: WarningThresholds,
): string[] {
  const reasons: string[] = [];
  const nominal = modelNominalGhs ?? t.nominalHashrateGhs;
  if (nominal !== null && t.hashrateGhs !== null && isHashrateLow(t.hashrateGhs, nominal, thresholds.hashrateLowPercent)) {
    reasons.push(`hashrate ${t.hashrateGhs} GH/s is below ${thresholds.hashrateLowPercent} % of the nominal ${nominal} GH/s`);
  }
  if (t.tempMaxC !== null && isTempHigh(t.tempMaxC, thresholds.tempHighC)) {
    reasons.push(`temperature ${t.tempMaxC} °C is at or above ${thresholds.tempHighC} °C`);
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
