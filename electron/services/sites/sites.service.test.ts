import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actor, setOrganisation } from '../../../tests/helpers/client-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { contract, type Input } from '../../contract';
import { listAudit } from '../audit/audit.service';
import { createMiner } from '../miners/miners.service';
import { createRack, createRoom } from './sites.layout';
import { createSite, getSiteDetail, listSites, updateSite } from './sites.service';

let t: TempDb;
beforeEach(() => (t = openTempDb()));
afterEach(() => t.close());

const create = (raw: Partial<Input<'sites.create'>>) => createSite(t.db, contract['sites.create'].input.parse({ name: 'Midland TX', ...raw }), actor);

describe('sites', () => {
  it('uses the organisation time zone until the site has its own, and validates the zone', () => {
    setOrganisation(t.db, 'USD', 'America/Chicago');
    const site = create({ timeZone: '' });
    expect(site).toMatchObject({ timeZone: null, effectiveTimeZone: 'America/Chicago', address: '', rooms: [] });
    const edited = updateSite(t.db, { id: site.id, name: 'Midland TX', timeZone: 'America/Denver', address: '1 Rig Rd', notes: '' }, actor);
    expect(edited).toMatchObject({ timeZone: 'America/Denver', effectiveTimeZone: 'America/Denver' });
    const issue = contract['sites.create'].input.safeParse({ name: 'X', timeZone: 'Texas/Midland' }).error?.issues[0];
    expect(issue).toMatchObject({ path: ['timeZone'], message: expect.stringMatching(/IANA time zone/) });
  });

  it('refuses a name another site has, in any case, and audits changes', () => {
    const site = create({});
    expect(() => create({ name: 'midland tx' })).toThrow(`A site named "Midland TX" already exists (#${site.id}). Give this one another name.`);
    const odessa = create({ name: 'Odessa TX' });
    expect(() => updateSite(t.db, { id: odessa.id, name: 'MIDLAND TX', timeZone: null, address: '', notes: '' }, actor)).toThrow(
      expect.objectContaining({ code: 'CONFLICT', fields: { name: 'is taken' } }),
    );
    updateSite(t.db, { id: odessa.id, name: 'Odessa West', timeZone: null, address: '', notes: 'Phase 2' }, actor);
    const rows = listAudit(t.db, { entity: 'site', entityId: String(odessa.id), limit: 5, offset: 0 }).rows;
    expect(rows.map((r) => r.action)).toEqual(['site.updated', 'site.created']);
    expect(rows[0]).toMatchObject({ before: { name: 'Odessa TX' }, after: { name: 'Odessa West', notes: 'Phase 2' } });
    expect(() => getSiteDetail(t.db, 999)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('lists by name with counts and searches name and address', () => {
    const odessa = create({ name: 'Odessa TX', address: '5 Basin Ave' });
    create({ name: 'Midland TX' });
    const room = createRoom(t.db, { siteId: odessa.id, name: 'Hall A', kind: 'room' }, actor);
    const rack = createRack(t.db, { roomId: room.id, name: 'R1', positions: 20 }, actor);
    createRack(t.db, { roomId: room.id, name: 'R2', positions: 20 }, actor);
    createMiner(t.db, { assetId: 'A-1', make: 'Bitmain', model: 'Antminer S21', siteId: odessa.id, rackId: rack.id, rackPosition: 3 }, actor);
    expect(listSites(t.db, { search: '' }).map((s) => [s.name, s.roomCount, s.rackCount, s.minerCount])).toEqual([
      ['Midland TX', 0, 0, 0],
      ['Odessa TX', 1, 2, 1],
    ]);
    expect(listSites(t.db, { search: 'basin' }).map((s) => s.name)).toEqual(['Odessa TX']);
    expect(getSiteDetail(t.db, odessa.id).rooms).toMatchObject([
      {
        name: 'Hall A',
        racks: [
          { name: 'R1', minerCount: 1 },
          { name: 'R2', minerCount: 0 },
        ],
      },
    ]);
  });
});
