import type { DbOrTx } from '../../../db/open-db';
import { contract } from '../../contract';
import type { SiteRoomKind } from '../../contract/sites';
import { createRack, createRoom } from '../sites/sites.layout';
import { createSite } from '../sites/sites.service';

/** Where a demo miner stands: a rack position, or only the site for spares waiting in storage. */
export type DemoPlace = { siteId: number; rackId: number | null; rackPosition: number | null };

const positionsPerRack = 60;

const layout: { name: string; timeZone: string | null; address: string; kind: SiteRoomKind; rooms: string[]; racksPerRoom: number }[] = [
  // No zone of its own: the organisation's (America/Chicago) applies.
  {
    name: 'Midland TX',
    timeZone: null,
    address: '4100 County Rd 1250, Midland, TX 79706',
    kind: 'container',
    rooms: ['C-01', 'C-02', 'C-03'],
    racksPerRoom: 8,
  },
  {
    name: 'Odessa TX',
    timeZone: 'America/Chicago',
    address: '2600 W Interstate 20, Odessa, TX 79763',
    kind: 'room',
    rooms: ['Hall A', 'Hall B'],
    racksPerRoom: 12,
  },
];

/** Two sites with their containers, halls and racks, through the services; returns every rack position in floor order. */
export function seedDemoSites(db: DbOrTx, actor: string): { sites: number; rooms: number; racks: number; positions: DemoPlace[]; storageSiteId: number } {
  const positions: DemoPlace[] = [];
  let rooms = 0;
  let storageSiteId = 0;
  for (const plan of layout) {
    const site = createSite(db, contract['sites.create'].input.parse({ name: plan.name, timeZone: plan.timeZone, address: plan.address }), actor);
    storageSiteId = site.id;
    for (const roomName of plan.rooms) {
      const room = createRoom(db, { siteId: site.id, name: roomName, kind: plan.kind }, actor);
      rooms += 1;
      for (let r = 1; r <= plan.racksPerRoom; r += 1) {
        const rack = createRack(db, { roomId: room.id, name: `R${String(r).padStart(2, '0')}`, positions: positionsPerRack }, actor);
        for (let p = 1; p <= positionsPerRack; p += 1) positions.push({ siteId: site.id, rackId: rack.id, rackPosition: p });
      }
    }
  }
  return { sites: layout.length, rooms, racks: positions.length / positionsPerRack, positions, storageSiteId };
}
