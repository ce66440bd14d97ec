import type { DeviceActionRun, DeviceTarget, PoolInput } from '../../../electron/contract/devices';
import type { DeviceActionKind, DeviceActionResultState } from '../../../electron/contract/devices.vocab';

export const resultStateLabels: Record<DeviceActionResultState, string> = {
  ok: 'Done',
  failed: 'Failed',
  unsupported: 'Not supported',
  skipped: 'Skipped',
};

export const resultStateColors: Record<DeviceActionResultState, string> = { ok: 'green', failed: 'red', unsupported: 'gray', skipped: 'yellow' };

/** The confirm button's words: "Reboot 12 miners". */
export function confirmLabel(kind: DeviceActionKind, count: number): string {
  const miners = `${count.toLocaleString('en-US')} miner${count === 1 ? '' : 's'}`;
  const verbs: Record<DeviceActionKind, string> = {
    reboot: `Reboot ${miners}`,
    set_pools: `Set pools on ${miners}`,
    pool_redirect: `Redirect ${miners}`,
    pool_restore: `Restore pools of ${miners}`,
  };
  return verbs[kind];
}

/** What the action does, in one sentence for the confirmation. */
export const kindExplanations: Record<DeviceActionKind, string> = {
  reboot: 'Each miner restarts and stops hashing for a few minutes.',
  set_pools: 'Each miner replaces its pools with the ones below. Their passwords are sent to the miners and never stored.',
  pool_redirect:
    'Each miner\'s current pools are read and remembered, then it is pointed at the holding pool (worker: holding worker + "." + asset ID). A miner whose pools cannot be read is left alone. Its client\'s status becomes Pool Redirected.',
  pool_restore: "Each redirected miner gets its remembered pools back. When none of a client's miners stays redirected, the client is set back to Active.",
};

export const emptyPool = (): PoolInput => ({ url: '', worker: '', password: '' });

export const runIsOver = (run: DeviceActionRun | undefined) => run !== undefined && run.status !== 'running';

/** The target of a client's redirect (its unpaid miners) or restore (its redirected ones). */
export const clientTarget = (clientId: number, unpaidOnly: boolean): DeviceTarget => ({ clientId, unpaidOnly });
