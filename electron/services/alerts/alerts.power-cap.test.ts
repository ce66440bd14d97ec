import { eq, inArray } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alerts, minerLatest, miners, powerDevices } from '../../../db/schema';
import { actor } from '../../../tests/helpers/client-fixtures';
import { activeWith, openContractsDb, testNow, type ContractsWorld } from '../../../tests/helpers/contract-fixtures';
import { contract } from '../../contract';
import type { AlertList } from '../../contract/alerts';
import { updateContract } from '../contracts/contracts.create';
import { evaluateAlerts } from './alerts.apply';
import { listAlerts } from './alerts.list';
import { powerCapFirings } from './alerts.power-cap';

let w: ContractsWorld;
beforeEach(() => {
  w = openContractsDb();
});
afterEach(() => w.t.close());

const minutesAfter = (minutes: number) => new Date(testNow.getTime() + minutes * 60_000);

/** The miners answer and draw this much each, as telemetry resolved it. */
function draw(minerIds: number[], powerW: number) {
  w.db.update(miners).set({ liveStatus: 'online' }).where(inArray(miners.id, minerIds)).run();
  for (const minerId of minerIds) {
    w.db
      .insert(minerLatest)
      .values({ minerId, at: testNow.toISOString(), powerW, powerSource: 'pdu' })
      .onConflictDoUpdate({ target: minerLatest.minerId, set: { powerW } })
      .run();
  }
}

const powerCapAlerts = (): AlertList => listAlerts(w.db, contract['alerts.list'].input.parse({ kind: 'power_cap', status: 'active' }));

describe('powerCapFirings', () => {
  const row = { contractId: 7, reference: 'HD-2026-0042', siteId: 1, clientId: 2, capW: 300_000, measuredW: 312_400, overSince: '2026-03-10T15:00:00.000Z' };
  const rule = { enabled: true, threshold: 5 };
  it('fires only when over the cap for longer than the grace, naming the contract and the overage in kW', () => {
    expect(powerCapFirings([row], rule, minutesAfter(5).getTime())).toEqual([]);
    expect(powerCapFirings([row], rule, minutesAfter(7).getTime())).toEqual([
      {
        kind: 'power_cap',
        minerId: null,
        powerDeviceId: null,
        contractId: 7,
        siteId: 1,
        clientId: 2,
        value: 7,
        message: 'HD-2026-0042 draws 312.4 kW against its 300 kW cap: 12.4 kW over for 7 minutes (rule: over 5 minutes)',
      },
    ]);
    expect(powerCapFirings([{ ...row, measuredW: 300_000 }], rule, minutesAfter(60).getTime())).toEqual([]);
    expect(powerCapFirings([row], { ...rule, enabled: false }, minutesAfter(60).getTime())).toEqual([]);
  });
});

describe('the power-cap alert', () => {
  it("opens after the rule's grace when the contract's miners draw more than its cap, and resolves when they draw less", () => {
    const hosted = activeWith(w.db, { clientId: w.acme.id, siteId: w.site.id, powerCapKw: '7' }, [w.miners.acme1.id, w.miners.acme2.id]);
    draw([w.miners.acme1.id, w.miners.acme2.id], 3_650); // 7.3 kW
    evaluateAlerts(w.db, testNow); // over from now
    evaluateAlerts(w.db, minutesAfter(5)); // exactly the grace: not yet
    expect(powerCapAlerts().rows).toEqual([]);
    evaluateAlerts(w.db, minutesAfter(6));
    const [alert] = powerCapAlerts().rows;
    expect(alert).toMatchObject({
      kind: 'power_cap',
      contract: { id: hosted.id, reference: 'HD-2026-0001' },
      client: { id: w.acme.id, name: 'Acme Hashing' },
      site: { id: w.site.id, name: 'Midland' },
      value: 6,
      threshold: 5,
      message: 'HD-2026-0001 draws 7.3 kW against its 7 kW cap: 0.3 kW over for 6 minutes (rule: over 5 minutes)',
    });
    draw([w.miners.acme1.id, w.miners.acme2.id], 3_400);
    evaluateAlerts(w.db, minutesAfter(7));
    expect(powerCapAlerts().rows).toEqual([]);
    expect(w.db.select().from(alerts).where(eq(alerts.kind, 'power_cap')).get()?.resolvedAt).toBe(minutesAfter(7).toISOString());
    // Over again: the grace starts anew.
    draw([w.miners.acme1.id, w.miners.acme2.id], 3_650);
    evaluateAlerts(w.db, minutesAfter(8));
    evaluateAlerts(w.db, minutesAfter(12));
    expect(powerCapAlerts().rows).toEqual([]);
  });

  it("reads the contract's metering devices when they answer, and counts silent miners as drawing nothing", () => {
    const hosted = activeWith(w.db, { clientId: w.acme.id, siteId: w.site.id, powerCapKw: '7' }, [w.miners.acme1.id, w.miners.acme2.id]);
    draw([w.miners.acme1.id, w.miners.acme2.id], 3_650);
    w.db.update(miners).set({ liveStatus: 'offline' }).where(eq(miners.id, w.miners.acme2.id)).run();
    evaluateAlerts(w.db, testNow);
    evaluateAlerts(w.db, minutesAfter(10));
    expect(powerCapAlerts().rows).toEqual([]); // 3.65 kW answering
    const meter = w.db
      .insert(powerDevices)
      .values({
        siteId: w.site.id,
        kind: 'meter',
        name: 'Container 4 meter',
        host: '127.61.0.9',
        port: 502,
        builtinProfile: 'eastron-sdm630',
        state: 'ok',
        powerW: 9_100,
        createdAt: testNow.toISOString(),
        updatedAt: testNow.toISOString(),
      })
      .returning()
      .get();
    updateContract(w.db, { id: hosted.id, meteringDeviceIds: [meter.id] }, actor, testNow);
    evaluateAlerts(w.db, minutesAfter(11));
    evaluateAlerts(w.db, minutesAfter(17));
    expect(powerCapAlerts().rows[0].message).toBe('HD-2026-0001 draws 9.1 kW against its 7 kW cap: 2.1 kW over for 6 minutes (rule: over 5 minutes)');
  });
});
