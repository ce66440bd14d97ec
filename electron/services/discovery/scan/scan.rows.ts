import type { discoveryResults, discoveryScans } from '../../../../db/schema';
import type { ScanResultRow, ScanSummary } from '../../../contract/discovery';
import { formatDecimal } from '../../../contract/money';
import type { HostFinding } from './scan-job';

export type ScanRow = typeof discoveryScans.$inferSelect;

const parseJson = <T>(text: string): T => JSON.parse(text) as T;

export function toSummary(row: ScanRow, siteName: string | null, now = Date.now()): ScanSummary {
  const seconds = ((row.finishedAt ? Date.parse(row.finishedAt) : now) - Date.parse(row.startedAt)) / 1000;
  return {
    id: row.id,
    siteId: row.siteId,
    siteName,
    ranges: parseJson<string[]>(row.rangesJson),
    ports: parseJson<number[]>(row.portsJson),
    status: row.status,
    totalHosts: row.totalHosts,
    probedHosts: row.probedHosts,
    openHosts: row.openHosts,
    identifiedHosts: row.identifiedHosts,
    rate: seconds > 0 && row.status !== 'queued' ? Math.round(row.probedHosts / seconds) : 0,
    maxRate: row.maxRate,
    message: row.message,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    committedAt: row.committedAt,
  };
}

export function toResultRow(row: typeof discoveryResults.$inferSelect): ScanResultRow {
  return {
    id: row.id,
    ip: row.ip,
    openPorts: parseJson<number[]>(row.openPortsJson),
    state: row.state,
    family: row.family,
    make: row.make,
    model: row.model,
    firmware: row.firmware,
    serial: row.serial,
    mac: row.mac,
    hostname: row.hostname,
    hashrateThs: row.hashrateGhs === null ? null : formatDecimal(row.hashrateGhs, 3),
    powerW: row.powerW,
    tempMaxC: row.tempMaxC,
    poolUrl: row.poolUrl,
    poolUser: row.poolUser,
    message: row.message,
    minerId: row.minerId,
    foundAt: row.foundAt,
  };
}

/** The columns `findingValues` fills, in its order, for one multi-row INSERT per flush. */
export const resultColumns = [
  'scan_id',
  'ip',
  'open_ports_json',
  'state',
  'family',
  'make',
  'model',
  'firmware',
  'serial',
  'mac',
  'hostname',
  'hashrate_ghs',
  'power_w',
  'temp_max_c',
  'pool_url',
  'pool_user',
  'message',
  'found_at',
] as const;

export const findingValues = (scanId: number, ip: string, openPorts: number[], f: HostFinding): unknown[] => [
  scanId,
  ip,
  JSON.stringify(openPorts),
  f.state,
  f.family,
  f.make,
  f.model,
  f.firmware,
  f.serial,
  f.mac,
  f.hostname,
  f.hashrateGhs,
  f.powerW,
  f.tempMaxC,
  f.poolUrl,
  f.poolUser,
  f.message,
  new Date().toISOString(),
];
