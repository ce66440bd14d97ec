import { eq } from 'drizzle-orm';
import { minerModels } from '../../db/schema';
import type { DbOrTx } from '../../db/open-db';
import { contract } from '../../electron/contract';
import { createMiner } from '../../electron/services/miners/miners.service';
import { createRack, createRoom } from '../../electron/services/sites/sites.layout';
import { createSite } from '../../electron/services/sites/sites.service';
import { actor, makeClient, makeManager } from './client-fixtures';

/** Two sites with one rack each, two clients and five miners (one spare), for the miners list and mass edit tests. */
export function makeFleet(db: DbOrTx) {
  const managerId = makeManager(db).id;
  const acme = makeClient(db, { name: 'Acme Hashing', contactEmail: 'ops@acme.com', managerId });
  const boreal = makeClient(db, { name: 'Boreal', contactEmail: 'it@boreal.no', managerId });
  const place = (name: string) => {
    const site = createSite(db, contract['sites.create'].input.parse({ name }), actor);
    const room = createRoom(db, { siteId: site.id, name: 'C1', kind: 'container' }, actor);
    const rack = createRack(db, { roomId: room.id, name: 'R1', positions: 60 }, actor);
    return { siteId: site.id, rackId: rack.id };
  };
  const midland = place('Midland TX');
  const odessa = place('Odessa TX');
  const modelId = (model: string) => db.select({ id: minerModels.id }).from(minerModels).where(eq(minerModels.model, model)).get()?.id ?? null;
  const s21 = modelId('Antminer S21');
  const s19 = modelId('Antminer S19j Pro');
  const miners = [
    createMiner(
      db,
      {
        assetId: 'A-001',
        make: 'Bitmain',
        model: 'Antminer S21',
        modelId: s21,
        ip: '127.60.0.11',
        hostname: 'mid-1',
        serial: 'SN1',
        clientId: acme.id,
        liveStatus: 'online',
        ...midland,
        rackPosition: 1,
      },
      actor,
    ),
    createMiner(
      db,
      {
        assetId: 'A-002',
        make: 'Bitmain',
        model: 'Antminer S21',
        modelId: s21,
        ip: '127.60.0.12',
        hostname: 'mid-2',
        clientId: acme.id,
        liveStatus: 'offline',
        paid: false,
        ...midland,
        rackPosition: 2,
      },
      actor,
    ),
    createMiner(
      db,
      {
        assetId: 'A-003',
        make: 'Bitmain',
        model: 'Antminer S19j Pro',
        modelId: s19,
        ip: '127.60.1.5',
        mac: 'AA:BB:CC:00:00:03',
        clientId: boreal.id,
        liveStatus: 'warning',
        ...odessa,
        rackPosition: 1,
      },
      actor,
    ),
    createMiner(db, { assetId: 'A-004', make: 'MicroBT', model: 'Whatsminer M50', clientId: boreal.id, liveStatus: 'online', siteId: odessa.siteId }, actor),
    createMiner(db, { assetId: 'SPARE-1', make: 'Bitmain', model: 'Antminer S21', modelId: s21, siteId: odessa.siteId }, actor),
  ];
  return { acme, boreal, midland, odessa, s21, s19, miners, managerId };
}

export type Fleet = ReturnType<typeof makeFleet>;
