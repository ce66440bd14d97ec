import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { poolRedirects } from '../../../db/schema';
import { minerFamilyLabels, type MinerFamilyName } from '../../contract/devices';
import type { DeviceActionKind, DeviceActionResultState } from '../../contract/devices.vocab';
import { recordAudit } from '../audit/record-audit';
import type { Credentials, DriverOptions, MinerDriver, PoolConfig } from '../discovery/drivers/types';
import type { SecretBox } from '../secrets/secret-box';
import type { ResolvedLogin } from './devices.credentials';
import type { TargetMiner } from './devices.target';

/** Everything one run's miners share. Plain passwords live here only while the run works. */
export type ActionContext = {
  kind: DeviceActionKind;
  /** Set pools: what to send. */
  pools: PoolConfig[];
  /** Redirect: the holding pool. */
  holding: { url: string; worker: string; password: string } | null;
  drivers: ReadonlyMap<string, MinerDriver>;
  driverOptions?: DriverOptions;
  login: (siteId: number | null, family: string) => ResolvedLogin;
  secrets: SecretBox;
  actor: string;
  /** Each miner's whole budget (every request of the action). */
  timeoutMs: number;
  signal: AbortSignal;
};

/** What happened to one miner; `commit` writes the change it made, in the transaction of its result row. */
export type MinerOutcome = {
  state: DeviceActionResultState;
  message: string;
  commit?: (tx: DbOrTx) => void;
  /** The client whose miner went to (or came back from) the holding pool. */
  redirectedFor?: number | null;
  restoredFor?: number | null;
};

/** A remembered pool. `passwordKnown` false: the firmware did not reveal it, and "x" is sent back. */
type RememberedPool = { url: string; user: string; password: string; passwordKnown: boolean };

/** The holding pool's worker for one miner: the holding worker, a dot, the asset ID (characters pools refuse become "_"). */
export const holdingWorkerFor = (holdingWorker: string, assetId: string) => `${holdingWorker}.${assetId.replace(/[^A-Za-z0-9_-]/g, '_')}`;

const familyLabel = (family: string) => minerFamilyLabels[family as MinerFamilyName] ?? family;
const poolsText = (pools: readonly { url: string; user: string }[]) => pools.map((p) => `${p.url} (${p.user})`).join(', ');

/** Runs `work` within the miner's budget; a miner that never answers becomes a failure when the budget runs out. */
async function withinBudget(miner: TargetMiner, ctx: ActionContext, work: (limits: DriverOptions) => Promise<MinerOutcome>): Promise<MinerOutcome> {
  const own = new AbortController();
  const signal = AbortSignal.any([ctx.signal, own.signal]);
  const deadline = Date.now() + ctx.timeoutMs;
  const limits: DriverOptions = { ...ctx.driverOptions, timeoutMs: ctx.timeoutMs, deadline, signal };
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<MinerOutcome>((resolve) => {
    timer = setTimeout(() => {
      own.abort();
      resolve({
        state: 'failed',
        message: `${miner.ip} did not finish within ${Math.round(ctx.timeoutMs / 1000)} s; check that it is powered and on this network.`,
      });
    }, ctx.timeoutMs + 200);
  });
  try {
    return await Promise.race([
      work(limits).catch((error: unknown): MinerOutcome => ({
        state: 'failed',
        message: `Talking to ${miner.ip} failed: ${error instanceof Error ? error.message : 'unknown error'}`,
      })),
      late,
    ]);
  } finally {
    clearTimeout(timer);
    own.abort();
  }
}

/**
 * Why the action leaves a miner alone because of its redirect, or null. New pools on a redirected miner would be
 * replaced by its remembered ones at the restore, so set pools waits for the restore.
 */
export function redirectSkipReason(miner: Pick<TargetMiner, 'redirectId'>, kind: DeviceActionKind): string | null {
  if (kind === 'pool_redirect' && miner.redirectId !== null) return 'Already on the holding pool; its original pools are remembered from before.';
  if (kind === 'pool_restore' && miner.redirectId === null) return 'Not on the holding pool, so there is nothing to restore.';
  if (kind === 'set_pools' && miner.redirectId !== null) return 'It is on the holding pool: restore its pools first, then set new ones.';
  return null;
}

/** Does one action on one miner. Never throws; unsupported and unreachable miners are reported without network use. */
export async function actOnMiner(miner: TargetMiner, ctx: ActionContext): Promise<MinerOutcome> {
  const skip = redirectSkipReason(miner, ctx.kind);
  if (skip) return { state: 'skipped', message: skip };
  if (!miner.ip) return { state: 'skipped', message: 'It has no IP address, so it cannot be reached. Add its address or scan its site.' };
  if (!miner.family) return { state: 'skipped', message: 'Its miner family is not known yet: scan its address or let telemetry poll it first.' };
  const driver = ctx.drivers.get(miner.family);
  const needs = ctx.kind === 'reboot' ? 'reboot' : 'setPools';
  if (!driver) return { state: 'unsupported', message: `Hashdesk cannot talk to ${familyLabel(miner.family)} miners yet, so it was not contacted.` };
  if (!driver.supports[needs]) {
    return {
      state: 'unsupported',
      message: `${driver.label} does not support ${needs === 'reboot' ? 'a reboot' : 'pool changes'} from Hashdesk, so it was not contacted.`,
    };
  }
  const login = ctx.login(miner.siteId, miner.family);
  if (!login.ok) return { state: 'failed', message: login.message };
  const creds: Credentials = login.credentials ?? {};
  const ip = miner.ip;
  return withinBudget(miner, ctx, async (limits) => {
    const opts: DriverOptions = { ...limits, credentials: login.credentials ?? undefined };
    switch (ctx.kind) {
      case 'reboot': {
        const done = await driver.reboot(ip, creds, opts);
        return done.ok ? { state: 'ok', message: 'Reboot sent; it is back on the network in a few minutes.' } : { state: 'failed', message: done.message };
      }
      case 'set_pools':
        return setPools(miner, driver, creds, opts, ctx);
      case 'pool_redirect':
        return redirect(miner, driver, creds, opts, ctx);
      case 'pool_restore':
        return restore(miner, driver, creds, opts, ctx);
    }
  });
}

async function setPools(miner: TargetMiner, driver: MinerDriver, creds: Credentials, opts: DriverOptions, ctx: ActionContext): Promise<MinerOutcome> {
  const done = await driver.setPools(miner.ip!, ctx.pools, creds, opts);
  if (!done.ok) return { state: 'failed', message: done.message };
  const sent = ctx.pools.map(({ url, user }) => ({ url, user }));
  return {
    state: 'ok',
    message: `Pools set: ${poolsText(sent)}.`,
    commit: (tx) =>
      recordAudit(tx, { actor: ctx.actor, action: 'miner.pools_set', entity: 'miner', entityId: miner.id, clientId: miner.clientId, after: { pools: sent } }),
  };
}

/** The pools the miner reports now (empty slots left out), or why they could not be read. */
async function readPools(
  ip: string,
  driver: MinerDriver,
  opts: DriverOptions,
): Promise<{ ok: true; pools: { url: string; user: string }[] } | { ok: false; message: string }> {
  const read = await driver.readTelemetry(ip, opts);
  if (!read.ok) return { ok: false, message: read.message };
  const pools = read.value.pools.filter((p) => p.url.trim() !== '').map((p) => ({ url: p.url.trim(), user: p.user.trim() }));
  return pools.length ? { ok: true, pools } : { ok: false, message: 'it reported no pools' };
}

async function redirect(miner: TargetMiner, driver: MinerDriver, creds: Credentials, opts: DriverOptions, ctx: ActionContext): Promise<MinerOutcome> {
  const holding = ctx.holding!;
  const before = await readPools(miner.ip!, driver, opts);
  if (!before.ok) return { state: 'failed', message: `Could not read its pools, so they could not be remembered; it was not redirected (${before.message}).` };
  // A miner takes at most three pools; the firmware never reveals pool passwords, so "x" is what a restore sends.
  const originals: RememberedPool[] = before.pools.slice(0, 3).map((p) => ({ ...p, password: 'x', passwordKnown: false }));
  const target = { url: holding.url, user: holdingWorkerFor(holding.worker, miner.assetId), password: holding.password };
  const done = await driver.setPools(miner.ip!, [target], creds, opts);
  // Read back: a change the miner made but did not confirm (a reply lost to a timeout) must still be remembered.
  let after = await readPools(miner.ip!, driver, opts);
  const isHolding = (p: { url: string; user: string }) => p.url === target.url && p.user === target.user;
  const onHolding = after.ok && after.pools.length > 0 && isHolding(after.pools[0]);
  if (!done.ok && !onHolding) return { state: 'failed', message: `The holding pool could not be set: ${done.message}` };
  let note = done.ok ? '' : ' The miner did not confirm, but its pools now show the holding pool.';
  // Firmwares that write pool slots one by one (Avalon, Bitaxe's fallback) keep the client's other pools:
  // those slots get the holding pool too, or the miner would fall back to the client's pool.
  if (after.ok && after.pools.some((p) => !isHolding(p))) {
    const again = await driver.setPools(miner.ip!, Array(Math.min(3, after.pools.length)).fill(target), creds, opts);
    if (again.ok) after = await readPools(miner.ip!, driver, opts);
    const kept = after.ok ? after.pools.filter((p) => !isHolding(p)) : [];
    if (kept.length > 0) note += ` It still lists ${poolsText(kept)} as a fallback; set its pools by hand.`;
  }
  const at = new Date().toISOString();
  return {
    state: 'ok',
    message: `Redirected to ${target.url} as ${target.user}. Remembered ${poolsText(originals)}; the firmware hides pool passwords, so "x" is sent on restore.${note}`,
    redirectedFor: miner.clientId,
    commit: (tx) => {
      tx.insert(poolRedirects)
        .values({
          minerId: miner.id,
          clientId: miner.clientId,
          originalPoolsEnc: ctx.secrets.seal(JSON.stringify(originals)),
          redirectedAt: at,
          redirectedBy: ctx.actor,
        })
        .run();
      recordAudit(tx, {
        actor: ctx.actor,
        action: 'miner.pool_redirected',
        entity: 'miner',
        entityId: miner.id,
        clientId: miner.clientId,
        before: { pools: before.pools },
        after: { pools: [{ url: target.url, user: target.user }] },
      });
    },
  };
}

async function restore(miner: TargetMiner, driver: MinerDriver, creds: Credentials, opts: DriverOptions, ctx: ActionContext): Promise<MinerOutcome> {
  let originals: RememberedPool[];
  try {
    originals = JSON.parse(ctx.secrets.open(miner.redirectPools!)) as RememberedPool[];
  } catch {
    return { state: 'failed', message: 'Its remembered pools could not be opened (the data folder key changed); set its pools by hand.' };
  }
  const done = await driver.setPools(
    miner.ip!,
    originals.map(({ url, user, password }) => ({ url, user, password })),
    creds,
    opts,
  );
  if (!done.ok) return { state: 'failed', message: `Its original pools could not be set back: ${done.message}` };
  const restored = originals.map(({ url, user }) => ({ url, user }));
  return {
    state: 'ok',
    message: `Original pools restored: ${poolsText(restored)}.`,
    restoredFor: miner.redirectClientId ?? null,
    commit: (tx) => {
      tx.update(poolRedirects)
        .set({ restoredAt: new Date().toISOString(), restoredBy: ctx.actor })
        .where(and(eq(poolRedirects.id, miner.redirectId!), isNull(poolRedirects.restoredAt)))
        .run();
      recordAudit(tx, {
        actor: ctx.actor,
        action: 'miner.pool_restored',
        entity: 'miner',
        entityId: miner.id,
        clientId: miner.redirectClientId ?? miner.clientId,
        before: { onHoldingPool: true },
        after: { onHoldingPool: false, pools: restored },
      });
    },
  };
}
