// The state of one simulated miner. Identity is fixed at start (it is what the manifest reports);
// everything that changes is kept here and created only when an action needs it.
import type { Server } from 'node:net';
import type { QuirkName } from './quirks';

export const familyNames = ['antminer', 'whatsminer', 'luxos', 'braiins', 'avalon', 'epic', 'bitaxe', 'auradine'] as const;
export type FamilyName = (typeof familyNames)[number];

/** `id` is kept only by firmware whose pool numbers stay fixed while others are added or removed (LuxOS). */
export type SimPool = { url: string; user: string; password: string; id?: number };

export type MinerIdentity = {
  serial: string | null;
  mac: string;
  hostname: string;
  make: string;
  model: string;
  firmware: string;
  /** Nameplate hashrate of the model, TH/s. */
  nominalThs: number;
  /** Nameplate power of the model, W. */
  nominalPowerW: number;
  /** The pool worker the miner starts with. */
  worker: string;
};

export type SimMiner = {
  index: number;
  ip: string;
  family: FamilyName;
  /** Firmware/API generation where a family has several (Whatsminer v1, v2, v3). */
  api: string;
  identity: MinerIdentity;
  quirk: QuirkName | null;
  /** Per-miner spread, fixed for its life: hashrate factor, temperature offset, fan factor. */
  spread: { hashFactor: number; tempOffsetC: number; fanFactor: number; phase: number };
  bootedAtMs: number;
  online: boolean;
  pools: SimPool[] | null;
  /** Session or login tokens handed out by the miner's API (LuxOS, Braiins, Auradine). */
  tokens: Set<string> | null;
  servers: Server[];
  control: MinerControl;
};

export type MinerControl = {
  /** Takes the miner off the network for a few seconds; it comes back with uptime reset. */
  reboot(miner: SimMiner): void;
  setPools(miner: SimMiner, pools: SimPool[]): void;
};

export const defaultPoolUrls = ['stratum+tcp://btc.example.pool:3333', 'stratum+tcp://btc2.example.pool:3333'];

export function poolsOf(miner: SimMiner): SimPool[] {
  return miner.pools ?? defaultPoolUrls.map((url) => ({ url, user: miner.identity.worker, password: 'x' }));
}

export function uptimeSeconds(miner: SimMiner, nowMs = Date.now()): number {
  return Math.max(0, Math.floor((nowMs - miner.bootedAtMs) / 1000));
}

export function newToken(miner: SimMiner): string {
  const token = `${miner.index.toString(36)}${Math.random().toString(36).slice(2, 14)}`;
  (miner.tokens ??= new Set()).add(token);
  return token;
}

export function hasToken(miner: SimMiner, token: string | undefined): boolean {
  return token !== undefined && miner.tokens !== null && miner.tokens.has(token);
}
