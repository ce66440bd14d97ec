import { randomBytes } from 'node:crypto';
import { isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/open-db';
import { invoices } from '../../db/schema';
import type { DemoDeps } from '../../electron/services/demo/demo.context';
import { seedDemo } from '../../electron/services/demo/demo.service';
import { identifyOpenHosts } from '../../electron/services/discovery/scan/identify-host';
import { createScanner } from '../../electron/services/discovery/scan/scan.service';
import { builtInPowerProfiles } from '../../electron/services/power/profiles';
import { createSecretBox } from '../../electron/services/secrets/secret-box';

/** What the app hands the demo: a sealing key of the test's own, the shipped power profiles and a scanner on the database (no scan is started). */
export function demoDeps(db: Db): DemoDeps {
  const log = { error: () => undefined };
  return { secrets: createSecretBox(randomBytes(32)), builtIns: builtInPowerProfiles, scanner: createScanner(db, { identify: identifyOpenHosts(), log }) };
}

/** The demo facility on a test database, as the app seeds it. */
export const seedDemoFacility = (db: Db, actor = 'demo') => seedDemo(db, actor, demoDeps(db));

/** The demo's clients that have issued invoices, those with the most first. */
export const clientsWithIssuedInvoices = (db: Db): number[] =>
  db
    .selectDistinct({ clientId: invoices.clientId })
    .from(invoices)
    .where(isNotNull(invoices.number))
    .all()
    .map((r) => r.clientId);
