import { setMaxListeners } from 'node:events';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/open-db';
import { clients } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { ParsedInputOf } from '../../contract/define';
import type { minerFamilies } from '../../contract/devices';
import { type DeviceActionPreview } from '../../contract/devices';
import { AppError } from '../../contract/errors';
import { recordAudit } from '../audit/record-audit';
import { setClientStatus } from '../clients/clients.status';
import type { MINER_FAMILIES } from '../discovery/drivers/types';
import { type DriverOptions, type MinerDriver, type PoolConfig } from '../discovery/drivers/types';
import { minerDrivers } from '../discovery/scan/scan-drivers';
import type { SecretBox } from '../secrets/secret-box';
import { driverMap, eachLimited } from '../telemetry/telemetry.poll';
import { loadLoginResolver, readHoldingPool } from './devices.credentials';
import { actOnMiner, type ActionContext } from './devices.execute';
import { previewAction } from './devices.preview';
import { closeInterruptedRuns, finishRun, insertResult, insertRun } from './devices.runs';
import { countClientRedirects, resolveTarget, type ParsedTarget, type TargetMiner } from './devices.target';

// The contract's family list is the drivers' list: a family added to one and not the other fails to compile.
const sameFamilies: [typeof minerFamilies, typeof MINER_FAMILIES] extends [typeof MINER_FAMILIES, typeof minerFamilies] ? true : never = true;
void sameFamilies;

export type DeviceActionsDeps = {
  secrets: SecretBox;
  /** The drivers by family; default every family's (the scanner's registry). */
  drivers?: readonly MinerDriver[];
  /** Ports and such for every driver call (tests), as the telemetry poller takes them. */
  driverOptions?: DriverOptions;
  /** Miners worked on at once (default 32). */
  concurrency?: number;
  /** Each miner's whole budget, every request of the action included (default 30 s). */
  timeoutMs?: number;
  log: { error(details: object, message: string): void };
};

type StartInput = ParsedInputOf<Contract['devices.actions.start']>;

const minersWord = (n: number) => `${n} miner${n === 1 ? '' : 's'}`;

function nothingToDo(db: Db, target: ParsedTarget, kind: StartInput['action']['kind']): AppError {
  if (target.clientId === undefined) return new AppError('NOT_FOUND', 'No miner matches the selection, so nothing was started. Clear a filter and try again.');
  const name = db.select({ name: clients.name }).from(clients).where(eq(clients.id, target.clientId)).get()?.name;
  if (name === undefined) return new AppError('NOT_FOUND', `Client #${target.clientId} does not exist.`);
  if (kind === 'pool_restore') return new AppError('NOT_FOUND', `${name} has no miners on the holding pool, so there is nothing to restore.`);
  return new AppError('NOT_FOUND', `${name} has no ${target.unpaidOnly ? 'unpaid ' : ''}miners, so nothing was started.`);
}

/**
 * Device actions (reboot, set pools, redirect to the holding pool, restore) over many miners, in the background:
 * `start` answers the run id at once; each miner's result is written as it finishes. At most `concurrency`
 * miners are worked on at once, each within its own budget, so a dead miner holds up no other.
 */
export function createDeviceActions(db: Db, deps: DeviceActionsDeps) {
  const drivers = driverMap(deps.drivers ?? minerDrivers);
  const concurrency = deps.concurrency ?? 32;
  const timeoutMs = deps.timeoutMs ?? 30_000;
  const running = new Map<number, { controller: AbortController; done: Promise<void> }>();
  let closed = false;
  // Nothing is written once the app stops or its database is closed (a runtime that did not call shutdown).
  const stopped = () => closed || !db.$client.open;
  closeInterruptedRuns(db);

  function preview(target: ParsedTarget, kind: StartInput['action']['kind']): DeviceActionPreview {
    return previewAction(db, resolveTarget(db, target, kind), kind, drivers);
  }

  function start(input: StartInput, actor: string): { runId: number; total: number } {
    if (closed) throw new AppError('CONFLICT', 'Hashdesk is shutting down; start the action again after it restarts.');
    const { action } = input;
    const targets = resolveTarget(db, input.target, action.kind);
    if (targets.length === 0) throw nothingToDo(db, input.target, action.kind);
    const holding = action.kind === 'pool_redirect' ? readHoldingPool(db, deps.secrets) : null;
    if (action.kind === 'pool_redirect' && !holding) {
      throw new AppError('INVALID_INPUT', 'Set the holding pool first (Settings › Miner access), then redirect the miners.');
    }
    const pools: PoolConfig[] = action.kind === 'set_pools' ? action.pools.map((p) => ({ url: p.url, user: p.worker, password: p.password })) : [];
    const clientIds = new Set(targets.map((m) => m.clientId));
    const clientId = input.target.clientId ?? (clientIds.size === 1 ? [...clientIds][0] : null);
    const params = action.kind === 'set_pools' ? { pools: action.pools.map(({ url, worker }) => ({ url, worker })) } : {};
    const run = db.transaction((tx) => {
      const row = insertRun(tx, { kind: action.kind, params, clientId, total: targets.length, actor });
      recordAudit(tx, {
        actor,
        action: 'device_action.started',
        entity: 'device_action',
        entityId: row.id,
        clientId,
        after: { kind: action.kind, miners: targets.length, ...params, ...(holding ? { holdingPool: holding.url } : {}) },
      });
      return row;
    });
    const controller = new AbortController();
    // Every miner in flight listens for the run's end: many listeners are expected, not a leak.
    setMaxListeners(0, controller.signal);
    const ctx: ActionContext = {
      kind: action.kind,
      pools,
      holding,
      drivers,
      driverOptions: deps.driverOptions,
      login: loadLoginResolver(db, deps.secrets),
      secrets: deps.secrets,
      actor,
      timeoutMs,
      signal: controller.signal,
    };
    const done = execute(run.id, targets, ctx)
      .catch((error: unknown) => {
        if (stopped()) return;
        deps.log.error({ err: error, runId: run.id }, 'device action failed');
        finishRun(db, run.id, 'cancelled');
      })
      .finally(() => running.delete(run.id));
    running.set(run.id, { controller, done });
    return { runId: run.id, total: targets.length };
  }

  async function execute(runId: number, targets: readonly TargetMiner[], ctx: ActionContext): Promise<void> {
    const redirected = new Map<number, number>();
    const restoredClients = new Set<number>();
    await eachLimited(targets, concurrency, ctx.signal, async (miner) => {
      const outcome = await actOnMiner(miner, ctx);
      if (stopped()) return;
      try {
        db.transaction((tx) => {
          outcome.commit?.(tx);
          insertResult(tx, runId, miner.id, outcome.state, outcome.message);
        });
      } catch (error) {
        deps.log.error({ err: error, runId, minerId: miner.id }, 'device action result not saved');
        insertResult(db, runId, miner.id, 'failed', 'The miner answered, but its change could not be saved; run the action on it again.');
        return;
      }
      if (outcome.redirectedFor != null) redirected.set(outcome.redirectedFor, (redirected.get(outcome.redirectedFor) ?? 0) + 1);
      if (outcome.restoredFor != null) restoredClients.add(outcome.restoredFor);
    });
    if (stopped()) return;
    for (const [clientId, n] of redirected) {
      updateClientStatus(clientId, 'pool_redirected', `Unpaid: ${minersWord(n)} redirected to the holding pool by ${ctx.actor}`, ctx.actor);
    }
    for (const clientId of restoredClients) {
      if (countClientRedirects(db, clientId) === 0) updateClientStatus(clientId, 'active', 'Pools restored', ctx.actor, 'pool_redirected');
    }
    finishRun(db, runId, ctx.signal.aborted ? 'cancelled' : 'finished');
  }

  /** Sets a client's status unless it has it already (or, with `onlyFrom`, has another one); an archived client is left alone. */
  function updateClientStatus(clientId: number, status: 'pool_redirected' | 'active', reason: string, actor: string, onlyFrom?: 'pool_redirected'): void {
    const client = db.select({ status: clients.status, archivedAt: clients.archivedAt }).from(clients).where(eq(clients.id, clientId)).get();
    if (!client || client.archivedAt !== null || client.status === status || (onlyFrom && client.status !== onlyFrom)) return;
    setClientStatus(db, { id: clientId, status, reason }, actor);
  }

  return {
    preview,
    start,
    /**
     * The seam for billing: when a client pays, put back the pools of its miners on the holding pool.
     * Returns the run, or null when none of its miners is redirected.
     */
    restoreClientPools(clientId: number, actor: string): { runId: number; total: number } | null {
      if (countClientRedirects(db, clientId) === 0) return null;
      return start({ target: { clientId, unpaidOnly: false }, action: { kind: 'pool_restore' } }, actor);
    },
    redirectedCount: (target: ParsedTarget) => resolveTarget(db, target, 'pool_redirect').filter((m) => m.redirectId !== null).length,
    /** Waits for a run (tests). */
    settled: async (runId: number) => running.get(runId)?.done,
    /** App shutdown, before the database closes: stops every run; nothing is written after. */
    shutdown(): void {
      closed = true;
      for (const { controller } of running.values()) controller.abort();
    },
  };
}

export type DeviceActions = ReturnType<typeof createDeviceActions>;
