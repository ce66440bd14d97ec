import type { Db } from '../../../db/open-db';
import type { DemoSummary } from '../../contract/app';
import { AppError } from '../../contract/errors';
import { hasNoChanges } from '../audit/audit.service';
import { seedDemoContracts } from './demo.contracts';
import { seedDemoInvoices } from './demo.invoices';
import { seedDemoClients } from './seed-clients';
import { seedDemoFleet } from './seed-fleet';
import { seededRandom } from './seed-random';
import { seedDemoSettings } from './seed-settings';
import { seedDemoSites } from './seed-sites';

/**
 * Fills an empty database with a realistic facility, through the real services, so the demo grows
 * as features land. One transaction: a failure leaves the database empty.
 */
export function seedDemo(db: Db, actor: string): DemoSummary {
  if (!hasNoChanges(db)) {
    throw new AppError('CONFLICT', 'This database already holds data. Demo data is only added to an empty database.');
  }
  return db.transaction((tx) => {
    const created: Record<string, number> = {};
    created.settings = seedDemoSettings(tx, actor); // services' own transactions nest as savepoints
    const random = seededRandom(20_250_101);
    const seeded = seedDemoClients(tx, random, actor);
    Object.assign(created, {
      staff: seeded.staffIds.length,
      clientGroups: seeded.groups,
      clients: seeded.clientIds.length,
      contacts: seeded.contacts,
      prices: seeded.prices,
    });
    const { positions, storageSiteId, ...layout } = seedDemoSites(tx, actor);
    Object.assign(created, layout);
    Object.assign(created, seedDemoFleet(tx, random, seeded.clientIds, seeded.staffIds, { positions, storageSiteId }, actor));
    Object.assign(created, seedDemoContracts(tx, seeded.clientIds, storageSiteId, actor));
    Object.assign(created, seedDemoInvoices(tx, actor));
    return { created };
  });
}
