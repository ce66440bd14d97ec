import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Db } from '../../db/open-db';
import { minerModels } from '../../db/schema';
import { contract, type Input } from '../../electron/contract';
import type { MinerState } from '../../electron/contract/miners';
import { createContract } from '../../electron/services/contracts/contracts.create';
import { assignEquipment } from '../../electron/services/contracts/contracts.equipment';
import { activateContract } from '../../electron/services/contracts/contracts.lifecycle';
import { createMiners } from '../../electron/services/miners/miners.service';
import { createSite } from '../../electron/services/sites/sites.service';
import { actor, makeClient, makeManager, setOrganisation } from './client-fixtures';
import { openTempDb, type TempDb } from './temp-db';

/** An instant as sortable local text in `zone` for comparing calendar arithmetic: "2026-03-17" at local midnight, else "2026-06-10 12:00". */
export function localText(iso: string, zone: string): string {
  const local = DateTime.fromISO(iso, { zone });
  return local.toFormat(local.hour === 0 && local.minute === 0 && local.second === 0 ? 'yyyy-MM-dd' : 'yyyy-MM-dd HH:mm');
}

/** A fixed clock for the contracts tests: 10 March 2026, 15:00 UTC (10:00 EST / 11:00 EDT in New York). */
export const testNow = new Date('2026-03-10T15:00:00.000Z');

/**
 * A facility in New York time with a site, two clients (Acme, Boreal), and miners: two of Acme's, three
 * in stock (one staged), one retired and one in RMA. The organisation's energy rate is 0.05 USD/kWh.
 */
export function openContractsDb() {
  const t: TempDb = openTempDb();
  const db: Db = t.db;
  setOrganisation(db, 'USD', 'America/New_York');
  const managerId = makeManager(db).id;
  const acme = makeClient(db, { name: 'Acme Hashing', contactEmail: 'ops@acme.com', managerId });
  const boreal = makeClient(db, { name: 'Boreal', contactEmail: 'it@boreal.no', managerId });
  const site = createSite(db, contract['sites.create'].input.parse({ name: 'Midland', timeZone: 'America/New_York' }), actor);
  const other = createSite(db, contract['sites.create'].input.parse({ name: 'Tokyo', timeZone: 'Asia/Tokyo' }), actor);
  const s21 = db.select().from(minerModels).where(eq(minerModels.model, 'Antminer S21')).get()!;
  const miner = (assetId: string, clientId: number | null, state?: MinerState) => ({
    assetId,
    make: 'Bitmain',
    model: 'Antminer S21',
    modelId: s21.id,
    siteId: site.id,
    clientId,
    ...(state ? { state } : {}),
  });
  const [acme1, acme2, stock1, stock2, staged, retired, rma] = createMiners(
    db,
    [
      miner('A-1', acme.id),
      miner('A-2', acme.id),
      miner('S-1', null),
      miner('S-2', null),
      miner('S-3', null, 'staged'),
      miner('R-1', null, 'retired'),
      miner('R-2', null, 'rma'),
    ],
    actor,
  );
  return { t, db, acme, boreal, site, other, s21, miners: { acme1, acme2, stock1, stock2, staged, retired, rma } };
}

export type ContractsWorld = ReturnType<typeof openContractsDb>;

/** A draft through the real service with the contract schema's parsing. */
export function draft(db: Db, fields: Partial<Input<'contracts.create'>> & Pick<Input<'contracts.create'>, 'clientId' | 'siteId'>, now = testNow) {
  const input = contract['contracts.create'].input.parse({ type: 'hosted', term: '1y', startsAt: '2026-03-01', ...fields });
  return createContract(db, input, actor, now);
}

/** A draft with the miners, activated. */
export function activeWith(db: Db, fields: Parameters<typeof draft>[1], minerIds: number[], now = testNow) {
  const created = draft(db, fields, now);
  if (minerIds.length) assignEquipment(db, { contractId: created.id, minerIds }, actor, now);
  return activateContract(db, created.id, actor, now);
}
