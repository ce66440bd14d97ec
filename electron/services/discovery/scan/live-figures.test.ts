import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../../tools/sim/simulator';
import { familyNames } from '../../../../tools/sim/miner';
import { DRIVERS, type MinerFamily } from '../drivers';
import { identifyOpenHosts } from './identify-host';

// Two miners of every family on 127.72.3.1-16, so each family's first two API generations answer.
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ count: 16, base: '127.72.3.0/24', seed: 3, quirkRate: 0 });
});
afterAll(() => sim.stop());

const identify = identifyOpenHosts({ budgetMs: 8_000 });
const withinTenPercent = (scanned: number | null, reported: number | null) =>
  scanned !== null && reported !== null && reported > 0 && Math.abs(scanned - reported) <= reported * 0.1;

describe.each(familyNames)('a scan finding of a %s miner', (family) => {
  it('shows what the miner reports now, read with its identity: live hashrate within 10 % of its own reading, and its pool', async () => {
    const hosts = sim.hosts.filter((host) => host.family === family);
    expect(hosts.length).toBe(2);
    for (const host of hosts) {
      const finding = await identify(host.ip, host.ports, new AbortController().signal);
      const reading = await DRIVERS[family as MinerFamily].readTelemetry(host.ip, { timeoutMs: 5_000 });
      if (!reading.ok) throw new Error(reading.message);
      expect(finding).toMatchObject({ state: 'identified', family, mac: host.mac.toUpperCase() });
      expect(
        withinTenPercent(finding.hashrateGhs, reading.value.hashrateGhs),
        `${host.ip} (${host.api}): ${finding.hashrateGhs} vs ${reading.value.hashrateGhs}`,
      ).toBe(true);
      // The nominal figure is not what the row shows: live readings wander off the sticker.
      expect(finding.hashrateGhs).not.toBe(Math.round(host.nominalThs * 1000));
      expect(finding.poolUser).toBe(host.worker);
      expect(finding.poolUrl).toMatch(/^stratum/);
      expect(finding.tempMaxC).toBe(reading.value.tempMaxC);
      expect(finding.powerW === null ? null : withinTenPercent(finding.powerW, reading.value.powerW)).toBe(reading.value.powerW === null ? null : true);
    }
  });
});
