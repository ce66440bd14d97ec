import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { DbOrTx } from '../../../db/open-db';
import { contracts, miners } from '../../../db/schema';
import { contract, type Input } from '../../contract';
import { createContract } from '../contracts/contracts.create';
import { assignEquipment } from '../contracts/contracts.equipment';
import { siteZone } from '../contracts/contracts.guards';
import { activateContract, extendContract, terminateContract } from '../contracts/contracts.lifecycle';
import { createMiners } from '../miners/miners.service';
import { listModels } from '../models/models.service';
import { createSite } from '../sites/sites.service';

type Step = { assign?: { minerIds?: number[]; siteIds?: number[] }; activate?: boolean; after?: (id: number) => void };

/**
 * Contracts of every type telling the facility's story, through the real services and dated around today
 * in each site's calendar: Hosted contracts of the large clients (metered, calculated, hash, fixed; one
 * renewing month to month since spring, one inside its notice window, one ended early, one still a draft),
 * Leases of the spare stock (one extended twice, one ended with its miners back in stock), Infinity
 * hashrate contracts, and an O&M contract for a client's own site. Seeded after the miners.
 */
export function seedDemoContracts(db: DbOrTx, clientIds: number[], storageSiteId: number, actor: string): { contracts: number } {
  const homeSiteId = db.select({ siteId: miners.siteId }).from(miners).where(eq(miners.clientId, clientIds[0])).get()?.siteId ?? storageSiteId;
  const ago = (siteId: number, unit: 'months' | 'days', n: number) =>
    DateTime.now()
      .setZone(siteZone(db, siteId))
      .minus({ [unit]: n })
      .toISODate()!;
  const minersOf = (clientId: number | null, limit: number) =>
    db
      .select({ id: miners.id })
      .from(miners)
      .where(clientId === null ? and(isNull(miners.clientId), eq(miners.siteId, storageSiteId)) : eq(miners.clientId, clientId))
      .orderBy(asc(miners.id))
      .limit(limit)
      .all()
      .map((m) => m.id);
  const make = (fields: Partial<Input<'contracts.create'>> & Pick<Input<'contracts.create'>, 'clientId' | 'type' | 'term'>, step: Step = {}) => {
    const created = createContract(db, contract['contracts.create'].input.parse({ siteId: homeSiteId, ...fields }), actor);
    if (step.assign) assignEquipment(db, { contractId: created.id, ...step.assign }, actor);
    if (step.activate !== false) activateContract(db, created.id, actor);
    step.after?.(created.id);
    return created.id;
  };
  const [big0, big1, big2, big3, big4, om5, lease6, lease7, inf8, inf9] = clientIds;

  make(
    {
      clientId: big0,
      type: 'hosted',
      term: '2y',
      startsAt: ago(homeSiteId, 'months', 13),
      billingMethod: 'metered',
      autoRenew: true,
      powerCapKw: '1200',
      depositAmount: '25000',
    },
    { assign: { minerIds: minersOf(big0, 400) } },
  );
  make(
    {
      clientId: big1,
      type: 'hosted',
      term: '1y',
      startsAt: ago(homeSiteId, 'months', 11),
      billingMethod: 'calculated',
      autoRenew: true,
      notes: 'Renewal terms under discussion.',
    },
    { assign: { minerIds: minersOf(big1, 400) } },
  );
  // Month to month since five months ago: the activation renews it month by month up to today.
  make(
    {
      clientId: big2,
      type: 'hosted',
      term: 'm2m',
      startsAt: ago(homeSiteId, 'months', 5),
      billingMethod: 'fixed',
      hostingFeePerMinerMonth: '45',
      noticeDays: 30,
    },
    { assign: { minerIds: minersOf(big2, 400) } },
  );
  make(
    { clientId: big3, type: 'hosted', term: '1y', startsAt: ago(homeSiteId, 'months', 8), billingMethod: 'hash' },
    {
      assign: { minerIds: minersOf(big3, 400) },
      after: (id) => terminateContract(db, { id, endsAt: ago(homeSiteId, 'months', 2), reason: 'The client moved its fleet to its own site.' }, actor),
    },
  );
  make(
    { clientId: big4, type: 'hosted', term: '1y', billingMethod: 'metered', powerCapKw: '900' },
    { assign: { minerIds: minersOf(big4, 400) }, activate: false },
  );

  // The ended lease first: its miners are back in stock before the next lease takes others.
  make(
    { clientId: lease7, type: 'lease', term: '3m', startsAt: ago(storageSiteId, 'months', 7), siteId: storageSiteId, fixedMonthlyFee: '2400' },
    { assign: { minerIds: minersOf(null, 10) } },
  );
  make(
    {
      clientId: lease6,
      type: 'lease',
      term: '3m',
      startsAt: ago(storageSiteId, 'months', 2),
      siteId: storageSiteId,
      hostingFeePerMinerMonth: '180',
      depositAmount: '3600',
    },
    {
      assign: { minerIds: minersOf(null, 20) },
      after: (id) => {
        const end = (months: number) => DateTime.now().setZone(siteZone(db, storageSiteId)).plus({ months }).startOf('month').toISODate()!;
        extendContract(db, { id, endsAt: end(3), note: 'Client asked for another month' }, actor);
        extendContract(db, { id, endsAt: end(5), note: 'Extended to the end of the quarter' }, actor);
      },
    },
  );

  make({ clientId: inf8, type: 'infinity', term: '6m', startsAt: ago(homeSiteId, 'months', 2), pricePerThsDay: '0.055', contractedThs: '500' });
  make({ clientId: inf9, type: 'infinity', term: '1y', pricePerThsDay: '0.052', contractedThs: '1200' }, { activate: false });

  // O&M: the facility runs a client's own remote site, with the client's machines there.
  const pecos = createSite(db, contract['sites.create'].input.parse({ name: 'Pecos (client site)', timeZone: 'America/Chicago', address: 'Pecos, TX' }), actor);
  const s19 = listModels(db, { search: 'S19 XP' })[0];
  createMiners(
    db,
    Array.from({ length: 24 }, (_, i) => ({
      assetId: `PX-${String(i + 1).padStart(3, '0')}`,
      make: 'Bitmain',
      model: 'Antminer S19 XP',
      modelId: s19?.id ?? null,
      siteId: pecos.id,
      clientId: om5,
    })),
    actor,
  );
  make(
    { clientId: om5, type: 'om', term: '1y', startsAt: ago(pecos.id, 'months', 3), siteId: pecos.id, fixedMonthlyFee: '8500', hostingFeePerMinerMonth: '4' },
    { assign: { siteIds: [pecos.id] } },
  );
  // Renewals added contracts of their own.
  return { contracts: db.select({ n: count() }).from(contracts).get()?.n ?? 0 };
}
