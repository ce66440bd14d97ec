import { z } from 'zod';
import { call } from './define';
import { deviceActionKinds, deviceActionResultStates, type DeviceActionKind, type DeviceActionResultState, type DeviceActionRunStatus } from './devices.vocab';
import { idSchema, nameText, requiredText } from './fields';
import { selectedMinerIdsSchema } from './miners.edit';
import { hasControlCharacters } from './text-rules';
import { minerFiltersSchema } from './miners.list';

/** The miner families a login or an action can name (the drivers' families; services check they agree). */
export const minerFamilies = ['antminer', 'whatsminer', 'luxos', 'braiins', 'avalon', 'bitaxe', 'epic', 'auradine'] as const;
export type MinerFamilyName = (typeof minerFamilies)[number];

export const minerFamilyLabels: Record<MinerFamilyName, string> = {
  antminer: 'Antminer',
  whatsminer: 'Whatsminer',
  luxos: 'LuxOS',
  braiins: 'Braiins OS',
  avalon: 'Avalon',
  bitaxe: 'Bitaxe',
  epic: 'ePIC',
  auradine: 'Auradine',
};

/** A stratum pool address: the scheme, then host:port. */
export const poolUrlSchema = z
  .string({ error: 'is required' })
  .trim()
  .min(1, 'is required')
  .max(512, 'must be at most 512 characters')
  .refine((url) => {
    const m = /^(stratum\+tcp|stratum2\+tcp|stratum\+ssl):\/\/([a-z0-9.-]+|\[[0-9a-f:]+\]):(\d{1,5})\/?$/i.exec(url);
    return m !== null && Number(m[3]) >= 1 && Number(m[3]) <= 65535;
  }, 'must look like stratum+tcp://pool.example.com:3333 (stratum+tcp://, stratum2+tcp:// or stratum+ssl://, then host:port)');

/** A pool worker name: no spaces, commas or control characters (several firmwares join fields with commas). */
export const workerSchema = requiredText(256).refine((worker) => !/[\s,]/.test(worker), 'must not contain spaces or commas');

/** A pool or firmware password: write-only, never returned. Empty pool passwords are sent as "x". */
const secretSchema = (max: number) =>
  z
    .string({ error: 'must be text' })
    .max(max, `must be at most ${max} characters`)
    .refine((text) => !hasControlCharacters(text) && !text.includes(','), 'must not contain commas or control characters');

export const poolSchema = z.object({ url: poolUrlSchema, worker: workerSchema, password: secretSchema(256).default('') }).strict();
export type PoolInput = z.input<typeof poolSchema>;

/**
 * The miners an action concerns: listed ids, every miner the Miners table's filters match ("select all N
 * matching"), or a client's miners (only the unpaid ones with `unpaidOnly`; for a restore, the client's redirected ones).
 */
export const deviceTargetSchema = z
  .object({
    minerIds: selectedMinerIdsSchema.optional(),
    filter: minerFiltersSchema.optional(),
    clientId: idSchema.optional(),
    unpaidOnly: z.boolean().default(false),
  })
  .strict()
  .refine((t) => [t.minerIds, t.filter, t.clientId].filter((v) => v !== undefined).length === 1, {
    message: 'give exactly one of: the miners, the filter that selects them, or a client',
    path: ['minerIds'],
  });
export type DeviceTarget = z.input<typeof deviceTargetSchema>;

export const deviceActionSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('reboot') }).strict(),
    z.object({ kind: z.literal('set_pools'), pools: z.array(poolSchema).min(1, 'give at least one pool').max(3, 'a miner takes at most 3 pools') }).strict(),
    z.object({ kind: z.literal('pool_redirect') }).strict(),
    z.object({ kind: z.literal('pool_restore') }).strict(),
  ],
  { error: 'must be one of reboot, set_pools, pool_redirect, pool_restore' },
);
export type DeviceActionInput = z.input<typeof deviceActionSchema>;

/** A stored login, without its password (which is never returned). */
export type MinerCredential = {
  id: number;
  siteId: number | null;
  siteName: string | null;
  family: MinerFamilyName | null;
  username: string;
  hasPassword: true;
  updatedAt: string;
};

export type HoldingPool = { url: string; worker: string; hasPassword: boolean; updatedAt: string };

/** One family's line of the confirmation: how many selected miners, whether the action works on it, how many lack a stored login. */
export type DevicePreviewFamily = { family: string; label: string; count: number; supported: boolean; missingCredentials: number };

export type DeviceActionPreview = {
  kind: DeviceActionKind;
  total: number;
  families: DevicePreviewFamily[];
  /** Skipped: no IP address. */
  withoutAddress: number;
  /** Skipped: the family is not known yet (scan or poll them first). */
  unknownFamily: number;
  /** Miners the action would reach whose family and site have no stored login: the factory login is tried. */
  missingCredentials: number;
  /** Skipped for their redirect. Redirect: already on the holding pool. Restore: not on it. Set pools: on it (restore first). */
  alreadyDone: number;
  /** Redirect only: false until the holding pool is set. */
  holdingPoolSet: boolean;
};

export type DeviceActionCounts = Record<DeviceActionResultState, number>;

export type DeviceActionRun = {
  id: number;
  kind: DeviceActionKind;
  status: DeviceActionRunStatus;
  client: { id: number; name: string } | null;
  /** Set pools: the pools sent (never their passwords). */
  pools: { url: string; worker: string }[];
  total: number;
  done: number;
  counts: DeviceActionCounts;
  actor: string;
  startedAt: string;
  finishedAt: string | null;
};

export type DeviceActionResultRow = {
  minerId: number;
  assetId: string;
  ip: string | null;
  family: string | null;
  state: DeviceActionResultState;
  message: string;
  at: string;
};

export type DeviceActionStatus = { run: DeviceActionRun; results: { rows: DeviceActionResultRow[]; total: number } };

const familyField = z.enum(minerFamilies, { error: `must be one of ${minerFamilies.join(', ')}` }).nullable();

export const deviceCalls = {
  /** The stored miner logins, most specific first; passwords are never returned. */
  'devices.credentials.list': call<MinerCredential[]>()(z.object({}).strict()),
  /** Saves the login of a site and/or family (one per scope). The password may be left out to keep the stored one. */
  'devices.credentials.set': call<MinerCredential>()(
    z
      .object({
        siteId: idSchema.nullable(),
        family: familyField,
        username: nameText(64).refine((name) => !name.includes(','), 'must not contain commas'),
        password: secretSchema(256).min(1, 'is required').optional(),
      })
      .strict(),
  ),
  'devices.credentials.delete': call<{ deleted: true }>()(z.object({ id: idSchema }).strict()),
  /** The facility's holding pool; null until it is set. */
  'devices.holdingPool.get': call<HoldingPool | null>()(z.object({}).strict()),
  /** Sets the holding pool. The password may be left out to keep the stored one (or "x" when there is none). */
  'devices.holdingPool.set': call<HoldingPool>()(
    z.object({ url: poolUrlSchema, worker: workerSchema, password: secretSchema(256).min(1, 'is required').optional() }).strict(),
  ),
  /** What an action would do to the target, per family, for the confirmation. Changes nothing. */
  'devices.actions.preview': call<DeviceActionPreview>()(
    z
      .object({ target: deviceTargetSchema, kind: z.enum(deviceActionKinds, { error: 'must be one of reboot, set_pools, pool_redirect, pool_restore' }) })
      .strict(),
  ),
  /** Starts an action on the target in the background; answers its run id at once. */
  'devices.actions.start': call<{ runId: number; total: number }>()(z.object({ target: deviceTargetSchema, action: deviceActionSchema }).strict()),
  /** A run's progress and one page of its per-miner results (failures first when no state is asked for). */
  'devices.actions.status': call<DeviceActionStatus>()(
    z
      .object({
        runId: idSchema,
        state: z.enum(deviceActionResultStates).nullable().default(null),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500, 'must be at most 500').default(200),
      })
      .strict(),
  ),
  /** The latest runs, newest first. */
  'devices.actions.list': call<DeviceActionRun[]>()(
    z.object({ clientId: idSchema.optional(), limit: z.number().int().min(1).max(100, 'must be at most 100').default(20) }).strict(),
  ),
  /** How many of the target's miners are on the holding pool now. */
  'devices.redirects.count': call<{ redirected: number }>()(z.object({ target: deviceTargetSchema }).strict()),
};
