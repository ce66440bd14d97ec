import { insertRows } from '../../db/bulk';
import type { Db } from '../../db/open-db';
import { discoveryScans } from '../../db/schema';
import { findingValues, resultColumns } from '../../electron/services/discovery/scan/scan.rows';
import type { HostFinding } from '../../electron/services/discovery/scan/scan-job';
import { actor } from './client-fixtures';

/** What a scan found at one address; what is left out reads as an identified Antminer S19 on firmware 2024.1. */
export type StoredFinding = { ip: string } & Partial<HostFinding>;

/** The MAC of the k-th machine of a made-up fleet whose MACs start with `prefix` (two hex digits). */
export const numberedMac = (prefix: string, k: number) => {
  const hex = k.toString(16).padStart(6, '0');
  return `${prefix}:00:00:${hex.slice(0, 2)}:${hex.slice(2, 4)}:${hex.slice(4)}`;
};

/**
 * A finished scan of `ranges` that found `findings`, stored the way the scanner stores them (`findingValues`
 * into `discovery_results`): sweeping thousands of simulated miners would cost minutes, and a commit reads
 * only what the scan stored. Returns the scan's id.
 */
export function recordFinishedScan(db: Db, ranges: string[], siteId: number | null, findings: readonly StoredFinding[]): number {
  const at = new Date().toISOString();
  const scan = db
    .insert(discoveryScans)
    .values({
      siteId,
      rangesJson: JSON.stringify(ranges),
      portsJson: '[4028]',
      status: 'done',
      totalHosts: findings.length,
      probedHosts: findings.length,
      openHosts: findings.length,
      identifiedHosts: findings.filter((f) => (f.state ?? 'identified') === 'identified').length,
      actor,
      startedAt: at,
      finishedAt: at,
    })
    .returning()
    .get();
  const rows = findings.map(({ ip, ...found }) => {
    const finding: HostFinding = {
      state: 'identified',
      family: 'cgminer',
      make: 'Bitmain',
      model: 'Antminer S19',
      firmware: '2024.1',
      serial: null,
      mac: null,
      hostname: null,
      hashrateGhs: 95_000,
      powerW: 3_250,
      tempMaxC: 70,
      poolUrl: null,
      poolUser: null,
      message: null,
      ...found,
    };
    return findingValues(scan.id, ip, [4028], finding);
  });
  insertRows(db.$client, 'discovery_results', resultColumns, rows);
  return scan.id;
}
