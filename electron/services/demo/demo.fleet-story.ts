import type { Db } from '../../../db/open-db';
import type { PowerSource } from '../../contract/miners';
import type { Random } from './seed-random';

const MINUTE_S = 60;
const HOUR_S = 3_600;

/**
 * What each polled miner is doing now and since when, decided once so that telemetry, power, alerts and
 * tasks tell the same story: an online miner hashes near its nominal figure; a miner in warning runs hot
 * (at or above the 85 °C rule) or lost a hashboard (under 80 % of nominal); an offline one stopped
 * answering at `sinceS` and draws nothing from then on.
 */
export type MinerStory = {
  id: number;
  assetId: string;
  siteId: number | null;
  rackId: number | null;
  rackPosition: number | null;
  clientId: number | null;
  workerName: string | null;
  status: 'online' | 'warning' | 'offline';
  warning: 'hot' | 'low' | null;
  /** Offline: when it last answered; warning: when the reading went bad; online: when it last restarted. */
  sinceS: number;
  nominalGhs: number;
  nominalW: number;
  /** The latest reading while answering (0 when offline). */
  hashrateGhs: number;
  tempC: number | null;
  powerW: number;
  /** Where the power figure comes from; the power seeding turns nameplate into pdu for miners on an outlet. */
  powerSource: PowerSource;
};

/** A polled miner as stored, with its model's nominal figures. */
type Row = Pick<MinerStory, 'id' | 'assetId' | 'siteId' | 'rackId' | 'rackPosition' | 'clientId' | 'workerName'> & {
  family: string | null;
  firmware: string | null;
  liveStatus: string;
  nominalGhs: number | null;
  nominalW: number | null;
};

/** Firmwares that report their own power draw (stock Antminer and Avalon firmware do not). */
const reportsPower = (row: Row) => row.family === 'whatsminer' || row.family === 'bitaxe' || /LUXminer|Braiins/.test(row.firmware ?? '');

/** A figure within ±spread of the base, rounded. */
const near = (random: Random, base: number, spread: number) => Math.round(base * (1 - spread + 2 * spread * random.next()));

/**
 * The story of every miner the poller would poll (an address and a catalogue model, not waiting in
 * storage): the live status the fleet seeding drew, with the readings and times that go with it.
 */
export function tellFleetStory(db: Db, random: Random, nowS: number): MinerStory[] {
  const rows = db.$client
    .prepare(
      `SELECT m.id, m.asset_id AS assetId, m.site_id AS siteId, m.rack_id AS rackId, m.rack_position AS rackPosition, m.client_id AS clientId,
         m.worker_name AS workerName, m.family, m.firmware, m.live_status AS liveStatus, mm.nominal_hashrate_ghs AS nominalGhs, mm.nominal_power_w AS nominalW
       FROM miners m JOIN miner_models mm ON mm.id = m.model_id
       WHERE m.ip IS NOT NULL AND m.rack_id IS NOT NULL AND m.live_status <> 'unknown' ORDER BY m.id`,
    )
    .all() as Row[];
  return rows.map((row): MinerStory => {
    const nominalGhs = row.nominalGhs ?? 0;
    const nominalW = row.nominalW ?? 0;
    const status = row.liveStatus === 'offline' ? 'offline' : row.liveStatus === 'warning' ? 'warning' : 'online';
    const warning = status === 'warning' ? (random.chance(0.45) ? 'hot' : 'low') : null;
    // Offline from 20 minutes to four days; warnings from an hour to three days; restarts within two months.
    const sinceS =
      status === 'offline'
        ? nowS - random.int(20 * MINUTE_S, 96 * HOUR_S)
        : status === 'warning'
          ? nowS - random.int(HOUR_S, 72 * HOUR_S)
          : nowS - random.int(6 * HOUR_S, 60 * 24 * HOUR_S);
    // A lost hashboard leaves two of three: about 55 to 75 % of nominal.
    const hashrateGhs = status === 'offline' ? 0 : warning === 'low' ? near(random, nominalGhs * 0.65, 0.15) : near(random, nominalGhs, 0.03);
    const tempC = status === 'offline' ? null : warning === 'hot' ? random.int(86, 94) : random.int(58, 79);
    const share = warning === 'low' ? 0.7 : 1;
    const own = reportsPower(row);
    const powerW = status === 'offline' ? 0 : own ? near(random, nominalW * share, 0.03) : nominalW;
    const powerSource: PowerSource = own ? 'miner' : 'nameplate';
    return {
      id: row.id,
      assetId: row.assetId,
      siteId: row.siteId,
      rackId: row.rackId,
      rackPosition: row.rackPosition,
      clientId: row.clientId,
      workerName: row.workerName,
      status,
      warning,
      sinceS,
      nominalGhs,
      nominalW,
      hashrateGhs,
      tempC,
      powerW,
      powerSource,
    };
  });
}
