import { identifyHost, type IdentifyOptions, type PoolStatus } from '../drivers';
import type { HostFinding, IdentifyHost } from './scan-job';

/** The pool a miner mines on now: the active one, else the first alive, else the first listed. */
function currentPool(pools: readonly PoolStatus[]): PoolStatus | null {
  return pools.find((p) => p.status === 'active') ?? pools.find((p) => p.status === 'alive') ?? pools[0] ?? null;
}

/**
 * Stage 2 of a scan, through the drivers' identification (RPC and Whatsminer v3 first, then the web
 * port), limited to the ports the sweep found open. The figures are what the miner reports now, read in the
 * same round as its identity. Never throws; a silent host costs at most the budget.
 */
export function identifyOpenHosts(options: Omit<IdentifyOptions, 'openPorts' | 'signal'> = {}): IdentifyHost {
  return async (ip, openPorts, signal): Promise<HostFinding> => {
    const found = await identifyHost(ip, { ...options, openPorts, signal });
    const identity = found.identity;
    const live = found.live;
    const pool = live ? currentPool(live.pools) : null;
    return {
      state: found.state,
      family: identity?.family ?? null,
      make: identity?.make ?? null,
      model: identity?.model ?? null,
      firmware: identity?.firmware ?? null,
      serial: identity?.serial ?? null,
      mac: identity?.mac ?? null,
      hostname: identity?.hostname ?? null,
      hashrateGhs: live?.hashrateGhs ?? null,
      powerW: live?.powerW ?? null,
      tempMaxC: live?.tempMaxC ?? null,
      poolUrl: pool?.url ?? null,
      poolUser: pool?.user || null,
      message: found.message,
    };
  };
}
