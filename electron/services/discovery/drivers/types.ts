import type { JsonValue } from '../transport/json-repair';
import type { LimitOptions, Outcome, TransportState } from '../transport/outcome';

export const MINER_FAMILIES = ['antminer', 'whatsminer', 'luxos', 'braiins', 'avalon', 'bitaxe', 'epic', 'auradine'] as const;
export type MinerFamily = (typeof MINER_FAMILIES)[number];

/** Who the miner says it is. Strings are trimmed; anything the firmware does not report is null. */
export type Identity = {
  family: MinerFamily;
  make: string | null;
  model: string | null;
  firmware: string | null;
  serial: string | null;
  /** Upper-case, colon-separated, or null when missing or not a MAC. */
  mac: string | null;
  hostname: string | null;
  /** The nominal ("sticker", factory) hashrate when the firmware reports one, in whole GH/s. */
  nominalHashrateGhs: number | null;
};

export type PoolState = 'active' | 'alive' | 'dead' | 'disabled' | 'unknown';
export type PoolStatus = { url: string; user: string; status: PoolState };

export type BoardTelemetry = {
  index: number;
  hashrateGhs: number | null;
  tempC: number | null;
  chipTempMaxC: number | null;
  serial: string | null;
};

/** One reading. Stored quantities are integers: GH/s, W, °C, rpm, seconds. */
export type Telemetry = {
  hashrateGhs: number | null;
  nominalHashrateGhs: number | null;
  boards: BoardTelemetry[];
  /** The hottest chip or board temperature reported. */
  tempMaxC: number | null;
  fansRpm: number[];
  pools: PoolStatus[];
  powerW: number | null;
  /** 'miner' when the firmware itself reported powerW; null when it reports none. */
  powerSource: 'miner' | null;
  uptimeS: number | null;
  /** Error or warning texts the miner reports, plus notes on parts of the reading that failed. */
  errors: string[];
};

export type PoolConfig = { url: string; user: string; password: string };
export type Credentials = { username?: string; password?: string };

/** Port overrides (the simulator and tests run miners on non-standard ports of 127.x). */
export type PortOverrides = {
  /** CGMiner RPC, 4028 (also ePIC's HTTP API, which listens on 4028). */
  rpc?: number;
  /** Web UI / REST API, 80. */
  http?: number;
  /** Whatsminer API v3, 4433. */
  wm3?: number;
  /** Auradine web API, 8080. */
  auradineWeb?: number;
};

/**
 * What identification learned: who the miner is, and what it reports now (hashrate, power, temperatures,
 * pools) where the same round of replies tells it; null when the reading's main reply did not come.
 */
export type Identified = { identity: Identity; live: Telemetry | null };

/**
 * Replies identification already has from its first round of probes, so a driver does not ask again:
 * the RPC `version` and `get_version`, Whatsminer's v3 device info (null: the v3 port is closed), and the
 * web replies that told the family (Bitaxe's /api/system/info, ePIC's /capabilities).
 */
export type KnownReplies = {
  rpcVersion?: JsonValue;
  rpcGetVersion?: JsonValue;
  wm3DeviceInfo?: JsonValue | null;
  systemInfo?: JsonValue;
  capabilities?: JsonValue;
};

export type DriverOptions = LimitOptions & { ports?: PortOverrides; credentials?: Credentials; known?: KnownReplies };

export type DriverFailureState = TransportState | 'unsupported' | 'bad_input';
export type DriverResult<T> = { ok: true; value: T } | { ok: false; state: DriverFailureState; message: string };

export type MinerDriver = {
  family: MinerFamily;
  /** A label for people: "Antminer (stock)", "Whatsminer"… */
  label: string;
  /** The TCP ports the family answers on. */
  ports: number[];
  supports: { reboot: boolean; setPools: boolean };
  /** Who the miner is, read together with its live figures (one round of requests, sent at once). */
  identify(host: string, opts?: DriverOptions): Promise<DriverResult<Identified>>;
  readTelemetry(host: string, opts?: DriverOptions): Promise<DriverResult<Telemetry>>;
  reboot(host: string, creds: Credentials, opts?: DriverOptions): Promise<DriverResult<void>>;
  setPools(host: string, pools: PoolConfig[], creds: Credentials, opts?: DriverOptions): Promise<DriverResult<void>>;
};

export type { Outcome };
