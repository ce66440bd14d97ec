// A telemetry cycle over a simulated stock Antminer (it reports no power of its own) plugged into a PDU
// outlet: its power comes from the outlet while the outlet's reading is fresh, else from the nameplate.
// The simulated miner listens on 127.69.4.x only.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minerLatest, minerModels } from '../../../db/schema';
import { startSimulator, type Simulator } from '../../../tools/sim/simulator';
import { actor } from '../../../tests/helpers/client-fixtures';
import { makePdu, pduReading } from '../../../tests/helpers/power-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { contract } from '../../contract';
import { antminerDriver } from '../discovery/drivers/antminer';
import { createMiner } from '../miners/miners.service';
import { createSecretBox } from '../secrets/secret-box';
import { createSite } from '../sites/sites.service';
import { createTelemetry } from '../telemetry/telemetry.service';
import { updateTelemetrySettings } from '../telemetry/telemetry.settings';
import { assignOutlet, listOutlets, outletPowerLookup } from './power.outlets';
import { storePowerPoll } from './power.store';
import { builtInPowerProfiles } from './profiles';

let sim: Simulator;
let t: TempDb;
beforeAll(async () => {
  sim = await startSimulator({ count: 1, base: '127.69.4.0/24', families: ['antminer'], seed: 21, quirkRate: 0 });
  t = openTempDb();
});
afterAll(async () => {
  await sim.stop();
  t.close();
});

describe('telemetry takes a miner power from its PDU outlet', () => {
  it('records the outlet reading as the source while fresh, then falls back to the nameplate', async () => {
    const site = createSite(t.db, contract['sites.create'].input.parse({ name: 'Midland TX' }), actor);
    const host = sim.hosts[0];
    const model = t.db.select().from(minerModels).where(eq(minerModels.model, host.model)).get()!;
    const miner = createMiner(
      t.db,
      { assetId: 'A-1', make: 'Bitmain', model: host.model, modelId: model.id, ip: host.ip, family: 'antminer', siteId: site.id },
      actor,
    );
    updateTelemetrySettings(t.db, { pollIntervalS: 60, concurrency: 4, timeoutMs: 2000, enabled: true }, actor);

    const deps = { builtIns: builtInPowerProfiles, secrets: createSecretBox(randomBytes(32)) };
    const pdu = makePdu(t.db, deps, site.id);
    const readAt = new Date('2026-05-01T10:00:00Z');
    storePowerPoll(t.db, pdu.id, pduReading([{ powerW: 3_321, wh: 1_000 }], { powerW: 3_321, wh: 1_000 }), readAt, 60);
    const [outlet] = listOutlets(t.db, { deviceId: pdu.id });
    assignOutlet(t.db, { outletId: outlet.id, minerId: miner.id }, actor);

    let clock = new Date(readAt.getTime() + 30_000);
    const telemetry = createTelemetry(t.db, {
      schedule: false,
      drivers: [antminerDriver],
      now: () => clock,
      outletPower: outletPowerLookup(t.db, 60, 0, () => clock),
      log: { error: (details) => expect.fail(JSON.stringify(details)) },
    });
    telemetry.pollNow();
    await telemetry.settled();
    const latest = () => t.db.select().from(minerLatest).where(eq(minerLatest.minerId, miner.id)).get();
    expect(latest()).toMatchObject({ powerW: 3_321, powerSource: 'pdu' });

    // Ten minutes without a new PDU reading: the outlet is stale, the nameplate is used.
    clock = new Date(readAt.getTime() + 600_000);
    telemetry.pollNow();
    await telemetry.settled();
    expect(latest()).toMatchObject({ powerW: model.nominalPowerW, powerSource: 'nameplate' });
    telemetry.shutdown();
  }, 20_000);
});
