import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDispatchDb, type DispatchDb } from '../../../tests/helpers/dispatch-db';

let t: DispatchDb['t'];
let run: DispatchDb['run'];

beforeEach(() => ({ t, run } = openDispatchDb()));
afterEach(() => t.close());

describe('sites and models procedures through dispatch', () => {
  it('explains a bad time zone, rack size and hashrate in plain words', async () => {
    const site = await run('sites.create', { name: 'Midland TX', timeZone: 'Texas/Midland' });
    expect(site).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Time zone: must be an IANA time zone, like America/Chicago or Europe/Oslo.' },
    });
    const rack = await run('sites.racks.create', { roomId: 1, name: 'R1', positions: 100 });
    expect(rack).toMatchObject({ ok: false, error: { message: 'Positions: must be at most 60.' } });
    const model = await run('models.create', { make: 'Bitmain', model: 'S23', nominalHashrateThs: 'fast', nominalPowerW: 3500 });
    expect(model).toMatchObject({ ok: false, error: { fields: { nominalHashrateThs: expect.stringMatching(/^must be a number of TH\/s/) } } });
  });

  it('builds a site, a container and a rack, and answers a missing room with NOT_FOUND', async () => {
    const site = await run('sites.create', { name: 'Midland TX' });
    const siteId = site.ok ? (site.value as { id: number }).id : 0;
    const room = await run('sites.rooms.create', { siteId, name: 'C-01', kind: 'container' });
    const roomId = room.ok ? (room.value as { id: number }).id : 0;
    expect(await run('sites.racks.create', { roomId, name: 'R01', positions: 60 })).toMatchObject({ ok: true, value: { name: 'R01', positions: 60 } });
    expect(await run('sites.get', { id: siteId })).toMatchObject({
      ok: true,
      value: { roomCount: 1, rackCount: 1, rooms: [{ name: 'C-01', racks: [{ minerCount: 0 }] }] },
    });
    expect(await run('sites.rooms.delete', { id: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
