import type { DriverOptions, MinerDriver } from '../drivers/types';
import type { HostFinding, IdentifyHost } from './scan-job';

const nothing = { family: null, make: null, model: null, firmware: null, serial: null, mac: null, hostname: null, hashrateGhs: null };

/**
 * Stage 2 of a scan: asks an open host through each driver whose ports it has open, in the drivers' order,
 * until one recognises it. A host that answered none is "open but unidentified", with what each driver got.
 */
export function identifyWith(drivers: readonly MinerDriver[], options: DriverOptions = {}): IdentifyHost {
  return async (ip, openPorts, signal) => {
    const notes: string[] = [];
    const open = new Set(openPorts);
    for (const driver of drivers) {
      if (signal.aborted) break;
      if (!driver.ports.some((port) => open.has(port))) continue;
      const answer = await driver.identify(ip, { ...options, signal });
      if (answer.ok) {
        const identity = answer.value;
        return { ...nothing, ...identity, hashrateGhs: identity.nominalHashrateGhs, state: 'identified', message: null } satisfies HostFinding;
      }
      notes.push(`${driver.label}: ${answer.message}`);
    }
    return {
      ...nothing,
      state: 'unidentified',
      message: notes.length ? notes.join(' ') : `Ports ${openPorts.join(', ')} are open, but no miner family answers on them.`,
    } satisfies HostFinding;
  };
}
