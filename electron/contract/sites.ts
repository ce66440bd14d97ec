import { z } from 'zod';
import { call } from './define';
import { blankAsNull, idSchema, nameText, optionalText } from './fields';
import { timeZoneSchema } from './settings';

export const siteRoomKinds = ['room', 'container', 'building'] as const;
export type SiteRoomKind = (typeof siteRoomKinds)[number];

export const siteRoomKindLabels: Record<SiteRoomKind, string> = { room: 'Room', container: 'Container', building: 'Building' };

/** The most positions a rack may have; a position holds one miner. */
export const maxRackPositions = 60;

/** A site as the list shows it. */
export type Site = {
  id: number;
  name: string;
  /** IANA zone as chosen; null means the organisation's (see effectiveTimeZone). */
  timeZone: string | null;
  effectiveTimeZone: string;
  address: string;
  notes: string;
  roomCount: number;
  rackCount: number;
  minerCount: number;
  createdAt: string;
  updatedAt: string;
};

export type SiteRoom = { id: number; siteId: number; name: string; kind: SiteRoomKind; createdAt: string; updatedAt: string };
export type Rack = { id: number; roomId: number; name: string; positions: number; createdAt: string; updatedAt: string };

/** A site with its rooms by name, each with its racks by name and how many miners each rack holds. */
export type SiteDetail = Site & { rooms: (SiteRoom & { racks: (Rack & { minerCount: number })[] })[] };

const siteFields = {
  name: nameText(120),
  timeZone: blankAsNull(timeZoneSchema),
  address: optionalText(500),
  notes: optionalText(5000),
};

const roomFields = { name: nameText(80), kind: z.enum(siteRoomKinds, { error: 'must be one of room, container, building' }) };

const rackFields = {
  name: nameText(80),
  positions: z
    .number({ error: 'must be a number of positions' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(maxRackPositions, `must be at most ${maxRackPositions}`),
};

const byId = z.object({ id: idSchema }).strict();

export const siteCalls = {
  /** By name, with room, rack and miner counts; search matches the name or address, any case. */
  'sites.list': call<Site[]>()(z.object({ search: z.string().trim().max(100).default('') }).strict()),
  'sites.get': call<SiteDetail>()(byId),
  'sites.create': call<SiteDetail>()(z.object(siteFields).strict()),
  /** Replaces every field: send the whole form. */
  'sites.update': call<SiteDetail>()(z.object({ id: idSchema, ...siteFields }).strict()),
  'sites.rooms.create': call<SiteRoom>()(z.object({ siteId: idSchema, ...roomFields }).strict()),
  'sites.rooms.update': call<SiteRoom>()(z.object({ id: idSchema, ...roomFields }).strict()),
  /** Removes the room and its empty racks; refused while any of its racks holds miners. */
  'sites.rooms.delete': call<{ id: number }>()(byId),
  'sites.racks.create': call<Rack>()(z.object({ roomId: idSchema, ...rackFields }).strict()),
  /** Refused when fewer positions would leave a miner outside the rack. */
  'sites.racks.update': call<Rack>()(z.object({ id: idSchema, ...rackFields }).strict()),
  /** Refused while miners are in the rack. */
  'sites.racks.delete': call<{ id: number }>()(byId),
};
