import type { siteCalls } from '../../contract/sites';
import type { DomainHandlers, NamesOf, SharedServices } from '../handler-kit';
import { createRack, createRoom, deleteRack, deleteRoom, updateRack, updateRoom } from './sites.layout';
import { createSite, getSiteDetail, listSites, updateSite } from './sites.service';

export function siteHandlers({ db }: SharedServices): DomainHandlers<NamesOf<typeof siteCalls>> {
  return {
    'sites.list': async (input) => listSites(db, input),
    'sites.get': async (input) => getSiteDetail(db, input.id),
    'sites.create': async (input, ctx) => createSite(db, input, ctx.actor),
    'sites.update': async (input, ctx) => updateSite(db, input, ctx.actor),
    'sites.rooms.create': async (input, ctx) => createRoom(db, input, ctx.actor),
    'sites.rooms.update': async (input, ctx) => updateRoom(db, input, ctx.actor),
    'sites.rooms.delete': async (input, ctx) => deleteRoom(db, input.id, ctx.actor),
    'sites.racks.create': async (input, ctx) => createRack(db, input, ctx.actor),
    'sites.racks.update': async (input, ctx) => updateRack(db, input, ctx.actor),
    'sites.racks.delete': async (input, ctx) => deleteRack(db, input.id, ctx.actor),
  };
}
