import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { miners } from '../../../db/schema';
import { startSimulator, type Simulator } from '../../../tools/sim/simulator';
import { actor } from '../../../tests/helpers/client-fixtures';
import { openTempDb } from '../../../tests/helpers/temp-db';
import { createMiner } from '../miners/miners.service';
import { createTelemetry } from './telemetry.service';

// One simulated miner of every family, none of them identified yet: LuxOS and Braiins also speak the
// CGMiner RPC, so taking the first driver that answers would call them Antminers.
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ count: 8, base: '127.69.0.0/24', seed: 21, quirkRate: 0 });
});
afterAll(() => sim.stop());

describe('telemetry poller, miners of unknown family', () => {
  it('identifies each family as the scanner does and stores it', async () => {
    const t = openTempDb();
    try {
      const ids = sim.hosts.map(
        (host, i) => createMiner(t.db, { assetId: `X-${i + 1}`, make: 'Unknown', model: host.model, ip: host.ip, family: null }, actor).id,
      );
      const errors: object[] = [];
      const service = createTelemetry(t.db, { schedule: false, log: { error: (details) => errors.push(details) } });
      service.pollNow();
      const done = await service.settled();
      service.shutdown();
      expect(errors).toEqual([]);
      expect(done?.notes ?? []).toEqual([]);
      const stored = ids.map((id) => t.db.select({ family: miners.family }).from(miners).where(eq(miners.id, id)).get()!.family);
      expect(stored).toEqual(sim.hosts.map((host) => host.family));
      expect(new Set(stored).size).toBe(8);
    } finally {
      t.close();
    }
  });
});
