import { z } from 'zod';
import type { Ref } from './clients';
import { call, type ListPage } from './define';
import { idSchema } from './fields';
import { maxTagLength, minerLiveStatuses, minerStates, type MinerLiveStatus, type MinerState, type PowerSource } from './miners';
import { hashrateThsSchema } from './models';

export const minerSortKeys = [
  'id',
  'assetId',
  'status',
  'ip',
  'hostname',
  'serial',
  'model',
  'hashrate',
  'liveHashrate',
  'temperature',
  'power',
  'livePower',
  'uptime',
  'firmware',
  'worker',
  'lastSeen',
  'site',
  'rack',
  'client',
  'paid',
  'state',
  'created',
] as const;
export type MinerSortKey = (typeof minerSortKeys)[number];

/** The latest telemetry of a miner, as the poller last stored it. */
export type MinerLive = {
  at: string;
  /** Exact decimal text in TH/s. */
  hashrateThs: string | null;
  tempMaxC: number | null;
  fansRpm: number[];
  poolUrl: string | null;
  poolUser: string | null;
  powerW: number | null;
  powerSource: PowerSource | null;
  uptimeS: number | null;
};

/** One row of the Miners table. Nominal figures come from the catalogue model; null when the miner has none. */
export type MinerListRow = {
  id: number;
  assetId: string;
  serial: string | null;
  mac: string | null;
  ip: string | null;
  hostname: string | null;
  make: string;
  model: string;
  /** Exact decimal text in TH/s, e.g. "200". */
  nominalHashrateThs: string | null;
  nominalPowerW: number | null;
  siteName: string | null;
  roomName: string | null;
  rackName: string | null;
  rackPosition: number | null;
  client: Ref | null;
  paid: boolean;
  state: MinerState;
  liveStatus: MinerLiveStatus;
  firmware: string | null;
  workerName: string | null;
  lastSeenAt: string | null;
  /** Sorted without regard to case. */
  tags: string[];
  /** Null until the miner was polled once. */
  live: MinerLive | null;
  createdAt: string;
};

/** Status counts: the numbers at the top of the table. */
export type MinerList = ListPage<MinerListRow, MinerLiveStatus>;

/** One client assignment period; `toAt` null means the miner is still with that client. */
export type MinerAssignment = { client: Ref; fromAt: string; toAt: string | null };

export type MinerDetail = MinerListRow & {
  modelId: number | null;
  siteId: number | null;
  rackId: number | null;
  updatedAt: string;
  notes: string;
  /** Newest first. */
  assignments: MinerAssignment[];
  auditCount: number;
};

/** The filters of the Miners table; empty lists and null mean "any". Also the "select all N matching" of a mass edit. */
export const minerFiltersSchema = z
  .object({
    /** Asset ID, serial, MAC, IP, hostname, make, model, firmware, worker or client name; any case. */
    search: z.string().trim().max(200).default(''),
    statuses: z.array(z.enum(minerLiveStatuses)).default([]),
    /** Client ids; "unassigned" matches miners of no client. */
    clientIds: z
      .array(z.union([idSchema, z.literal('unassigned')]))
      .max(500)
      .default([]),
    siteIds: z.array(idSchema).max(200).default([]),
    rackIds: z.array(idSchema).max(2000).default([]),
    modelIds: z.array(idSchema).max(500).default([]),
    states: z.array(z.enum(minerStates)).default([]),
    paid: z.boolean().nullable().default(null),
    /** Miners carrying any of these tags (any case). */
    tags: z.array(z.string().trim().min(1).max(maxTagLength)).max(100).default([]),
    /** Hashrate below this many TH/s: the live figure when the miner was polled, else its model's nominal one; miners with neither do not match. */
    hashrateBelowThs: hashrateThsSchema.nullable().default(null),
  })
  .strict();

export type MinerFilters = z.output<typeof minerFiltersSchema>;

/** The most rows of one page: the table is virtualized and fetches pages as it scrolls. */
export const maxMinerPage = 1000;

export const minerListCalls = {
  /** One page of miners with the total and the per-status counts. */
  'miners.list': call<MinerList>()(
    minerFiltersSchema.extend({
      sort: z.enum(minerSortKeys).default('id'),
      dir: z.enum(['asc', 'desc']).default('asc'),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(maxMinerPage, `must be at most ${maxMinerPage}`).default(100),
    }),
  ),
  /** A miner with its client assignment history and how many audit rows it has. */
  'miners.get': call<MinerDetail>()(z.object({ id: idSchema }).strict()),
};
