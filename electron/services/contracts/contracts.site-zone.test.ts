import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sites } from '../../../db/schema';
import { actor, setOrganisation } from '../../../tests/helpers/client-fixtures';
import { activeWith, draft, localText, openContractsDb, type ContractsWorld } from '../../../tests/helpers/contract-fixtures';
import { contract } from '../../contract';
import { createSite, updateSite } from '../sites/sites.service';
import { getContractDetail } from './contracts.read';
import { contractTimeline } from './contracts.events';

let w: ContractsWorld;
beforeEach(() => {
  w = openContractsDb();
});
afterEach(() => w.t.close());

const moveSite = (id: number, name: string, timeZone: string | null) =>
  updateSite(w.db, contract['sites.update'].input.parse({ id, name, timeZone: timeZone ?? '', address: '', notes: '' }), actor);
const zoneOf = (id: number) => w.db.select({ zone: sites.timeZone }).from(sites).where(eq(sites.id, id)).get()!.zone;

describe('a site whose time zone changes', () => {
  it('is refused while it has contracts that were activated, naming them; nothing changes', () => {
    const hosted = activeWith(w.db, { clientId: w.acme.id, siteId: w.site.id, startsAt: '2026-03-01' }, [w.miners.acme1.id]);
    expect(() => moveSite(w.site.id, 'Midland', 'America/Chicago')).toThrow(
      `Site "Midland" has contracts (${hosted.number}) whose dates and billing months are read in America/New_York: changing the zone to America/Chicago would move them and their invoices.`,
    );
    expect(zoneOf(w.site.id)).toBe('America/New_York');
    expect(moveSite(w.site.id, 'Midland West', 'America/New_York').name).toBe('Midland West');
  });

  it('keeps a draft on the same local clock in the new zone, with a line on its timeline', () => {
    const planned = draft(w.db, { clientId: w.acme.id, siteId: w.site.id, startsAt: '2026-04-17', term: '1y' });
    moveSite(w.site.id, 'Midland', 'America/Chicago');
    const after = getContractDetail(w.db, planned.id, new Date('2026-03-10T15:00:00Z'));
    expect([localText(after.startsAt, 'America/Chicago'), localText(after.endsAt, 'America/Chicago')]).toEqual(['2026-04-17', '2027-04-17']);
    expect(after.startsAt).toBe('2026-04-17T05:00:00.000Z');
    expect(contractTimeline(w.db, planned.id)[0].message).toBe(
      "The site's time zone changed from America/New_York to America/Chicago: start and end kept on the same local clock.",
    );
  });

  it('through the organisation zone, counts the sites without a zone of their own only', () => {
    setOrganisation(w.db, 'USD', 'Europe/Berlin');
    const plain = createSite(w.db, contract['sites.create'].input.parse({ name: 'Plain' }), actor);
    const lease = activeWith(w.db, { clientId: w.boreal.id, siteId: plain.id, type: 'lease', startsAt: '2026-03-01', fixedMonthlyFee: '100' }, [
      w.miners.stock1.id,
    ]);
    expect(() => setOrganisation(w.db, 'USD', 'Europe/Paris')).toThrow(`Site "Plain" has contracts (${lease.number}) whose dates`);
    moveSite(plain.id, 'Plain', 'Europe/Berlin');
    expect(setOrganisation(w.db, 'USD', 'Europe/Paris').timeZone).toBe('Europe/Paris');
  });
});
