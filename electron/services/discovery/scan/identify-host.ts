import { identifyHost, type IdentifyOptions } from '../drivers';
import type { HostFinding, IdentifyHost } from './scan-job';

/**
 * Stage 2 of a scan, through the drivers' identification (RPC and Whatsminer v3 first, then the web
 * port), limited to the ports the sweep found open. Never throws; a silent host costs at most the budget.
 */
export function identifyOpenHosts(options: Omit<IdentifyOptions, 'openPorts' | 'signal'> = {}): IdentifyHost {
  return async (ip, openPorts, signal): Promise<HostFinding> => {
    const found = await identifyHost(ip, { ...options, openPorts, signal });
    const identity = found.identity;
    return {
      state: found.state,
      family: identity?.family ?? null,
      make: identity?.make ?? null,
      model: identity?.model ?? null,
      firmware: identity?.firmware ?? null,
      serial: identity?.serial ?? null,
      mac: identity?.mac ?? null,
      hostname: identity?.hostname ?? null,
      hashrateGhs: identity?.nominalHashrateGhs ?? null,
      message: found.message,
    };
  };
}
