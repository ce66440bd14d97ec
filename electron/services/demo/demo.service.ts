import type { Db } from '../../../db/open-db';
import type { DemoSummary } from '../../contract/app';
import { AppError } from '../../contract/errors';
import { hasNoChanges } from '../audit/audit.service';
import { seedDemoAlerts } from './demo.alerts';
import { orderAuditByTime } from './demo.audit-order';
import { withStoryClock } from './demo.clock';
import { DAY_MS, HOUR_MS, type DemoContext, type DemoDeps } from './demo.context';
import { seedDemoContracts } from './demo.contracts';
import { seedDemoDiscovery } from './demo.discovery';
import { tellFleetStory } from './demo.fleet-story';
import { seedDemoInvoices } from './demo.invoices';
import { seedDemoPower } from './demo.power';
import { seedDemoTelemetry } from './demo.telemetry';
import { seedDemoClients } from './seed-clients';
import { seedDemoFleet } from './seed-fleet';
import { seededRandom } from './seed-random';
import { seedDemoSettings } from './seed-settings';
import { seedDemoSites } from './seed-sites';

/** The facility opened about eighteen months ago. */
const OPENED_DAYS_AGO = 540;

/**
 * Fills an empty database with a facility that has been running for months, through the real services, so
 * the demo grows as features land: one step per domain, each in its own file, in the order things depend
 * on each other (billing reads the energy and telemetry written before it). Every step runs on the story's
 * clock (demo.clock), so what the services stamp is spread over the months; the audit is put in time
 * order at the end. One transaction: a failure leaves the database empty.
 */
export function seedDemo(db: Db, actor: string, deps: DemoDeps): DemoSummary {
  if (!hasNoChanges(db)) {
    throw new AppError('CONFLICT', 'This database already holds data. Demo data is only added to an empty database.');
  }
  return withStoryClock((clock) =>
    db.transaction(() => {
      const nowMs = clock.realNow.getTime();
      const timeline = { clock, when: seededRandom(20_261_204), openedMs: nowMs - OPENED_DAYS_AGO * DAY_MS };
      const created: Record<string, number> = {};
      clock.set(timeline.openedMs);
      created.settings = seedDemoSettings(db, actor); // services' own transactions nest as savepoints
      const random = seededRandom(20_250_101);
      const seeded = seedDemoClients(db, random, actor, timeline);
      Object.assign(created, {
        staff: seeded.staffIds.length,
        clientGroups: seeded.groups,
        clients: seeded.clientIds.length,
        contacts: seeded.contacts,
        prices: seeded.prices,
      });
      clock.set(timeline.openedMs + HOUR_MS);
      const { positions, storageSiteId, ...layout } = seedDemoSites(db, actor);
      Object.assign(created, layout);
      const staffNames = seeded.staffNames;
      const floor = { positions, storageSiteId };
      const clients = { ids: seeded.clientIds, onboardedMs: seeded.onboardedMs };
      Object.assign(created, seedDemoFleet(db, random, clients, { ids: seeded.staffIds, names: staffNames }, floor, actor, timeline));
      // Contracts are dated around their own today; signed a day ago, so the last day's news is the floor's.
      clock.set(nowMs - 26 * HOUR_MS);
      Object.assign(created, seedDemoContracts(db, seeded.clientIds, storageSiteId, actor));
      const ctx: DemoContext = {
        db,
        actor,
        clock,
        deps,
        random: timeline.when,
        staffNames,
        fleet: tellFleetStory(db, timeline.when, Math.floor(nowMs / 1000)),
      };
      Object.assign(created, seedDemoPower(ctx), seedDemoDiscovery(ctx), seedDemoTelemetry(ctx), seedDemoAlerts(ctx));
      clock.set(nowMs);
      Object.assign(created, seedDemoInvoices(db, actor, clock));
      orderAuditByTime(db);
      return { created };
    }),
  );
}
