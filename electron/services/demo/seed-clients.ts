import { DateTime } from 'luxon';
import type { DbOrTx } from '../../../db/open-db';
import { contract, type Input } from '../../contract';
import type { ClientStatus } from '../../contract/clients';
import type { ContactRole } from '../../contract/clients.records';
import { createClientContact } from '../clients/clients.contacts';
import { createClientGroup } from '../clients/clients.groups';
import { setClientPrice } from '../clients/clients.pricing';
import { createClient } from '../clients/clients.service';
import { setClientStatus } from '../clients/clients.status';
import { createStaff } from '../staff/staff.service';
import type { StoryClock } from './demo.clock';
import { DAY_MS } from './demo.context';
import type { Random } from './seed-random';

const staffNames = ['Maria Lopez', 'James Carter', 'Ingrid Solberg', 'Tom Becker', 'Priya Nair', 'Diego Ramos', 'Hannah Kim', 'Oleg Petrov'];
const groups = [
  ['Institutional', 'Funds and listed miners, 1,000+ machines'],
  ['Retail', 'Individuals and small teams'],
  ['Strategic partners', 'Co-investment and revenue share'],
  ['Trial', 'First 90 days, weekly check-ins'],
] as const;

/** [display name, company, contact domain, country, currency or null] */
const companies: [string, string, string, string, string | null][] = [
  ['Arctic Hash', 'Arctic Hash AS', 'arctichash.no', 'NO', 'NOK'],
  ['Blockstream Ops', 'Blockstream Operations LLC', 'bsops.example', 'US', null],
  ['Cedar Digital', 'Cedar Digital Assets Inc.', 'cedardigital.ca', 'CA', 'CAD'],
  ['Delta Compute', 'Delta Compute GmbH', 'deltacompute.de', 'DE', 'EUR'],
  ['Equinox Mining', 'Equinox Mining Ltd', 'equinoxmining.co.uk', 'GB', null],
  ['Fjord Power', 'Fjord Power Mining AB', 'fjordpower.se', 'SE', 'EUR'],
  ['Granite Hashworks', 'Granite Hashworks LLC', 'granitehash.example', 'US', null],
  ['Helios Bitcoin', 'Helios Bitcoin S.A.', 'heliosbtc.py', 'PY', null],
  ['Iron Mountain Hash', 'Iron Mountain Hash Partners LP', 'imhash.example', 'US', null],
  ['Juniper Ventures', 'Juniper Ventures Pte. Ltd.', 'juniper.sg', 'SG', null],
  ['Kestrel Capital', 'Kestrel Capital Mining Fund I', 'kestrelcap.example', 'US', null],
  ['Lumen Blocks', 'Lumen Blocks B.V.', 'lumenblocks.nl', 'NL', 'EUR'],
  ['Meridian Hash', 'Meridian Hash Pty Ltd', 'meridianhash.com.au', 'AU', null],
  ['Northstar Mining', 'Northstar Mining Corp.', 'northstarmining.example', 'US', null],
  ['Orca Digital', 'Orca Digital Oy', 'orcadigital.fi', 'FI', 'EUR'],
  ['Pioneer Sats', 'Pioneer Sats LLC', 'pioneersats.example', 'US', null],
  ['Quarry Hash', 'Quarry Hash Ltd', 'quarryhash.ie', 'IE', 'EUR'],
  ['Redwood Bitcoin', 'Redwood Bitcoin Holdings', 'redwoodbtc.example', 'US', null],
  ['Sierra Compute', 'Sierra Compute S.A. de C.V.', 'sierracompute.mx', 'MX', null],
  ['Tundra Hash', 'Tundra Hash Inc.', 'tundrahash.ca', 'CA', 'CAD'],
  ['Umbra Mining', 'Umbra Mining FZ-LLC', 'umbramining.ae', 'AE', null],
  ['Vantage Blocks', 'Vantage Blocks LLC', 'vantageblocks.example', 'US', null],
  ['Westwind Digital', 'Westwind Digital Mining LLC', 'westwind.example', 'US', null],
  ['Yukon Sats', 'Yukon Sats Ltd.', 'yukonsats.ca', 'CA', 'CAD'],
  ['Zenith Hashrate', 'Zenith Hashrate Kft.', 'zenithhash.hu', 'HU', 'EUR'],
  ['Andes Mining', 'Andes Mining SpA', 'andesmining.cl', 'CL', null],
  ['Baltic Hash', 'Baltic Hash UAB', 'baltichash.lt', 'LT', 'EUR'],
  ['Copperline', 'Copperline Energy & Mining', 'copperline.example', 'US', null],
  ['Dunmore Capital', 'Dunmore Capital Partners', 'dunmore.example', 'US', null],
  ['Eastfield Hash', 'Eastfield Hash Ltd', 'eastfield.co.uk', 'GB', null],
];
const people: [string, string, string][] = [
  ['Liam Walsh', 'IE', 'walsh'],
  ['Sofia Rossi', 'IT', 'rossi'],
  ['Noah Fischer', 'DE', 'fischer'],
  ['Emma Johansson', 'SE', 'johansson'],
  ['Lucas Martin', 'FR', 'lmartin'],
  ['Olivia Brown', 'US', 'obrown'],
  ['Mateo Garcia', 'ES', 'mgarcia'],
  ['Ava Wilson', 'US', 'awilson'],
  ['Kenji Tanaka', 'JP', 'ktanaka'],
  ['Chloe Dubois', 'CA', 'cdubois'],
  ['Ethan Clarke', 'GB', 'eclarke'],
  ['Isabella Costa', 'BR', 'icosta'],
  ['Jonas Berg', 'NO', 'jberg'],
  ['Mia Novak', 'CZ', 'mnovak'],
  ['Arjun Mehta', 'IN', 'amehta'],
  ['Grace Lee', 'US', 'glee'],
  ['Felix Wagner', 'AT', 'fwagner'],
  ['Zara Ahmed', 'AE', 'zahmed'],
  ['Daniel Cohen', 'IL', 'dcohen'],
  ['Sara Lindqvist', 'FI', 'slindqvist'],
  ['Marco Bianchi', 'CH', 'mbianchi'],
  ['Hugo Silva', 'PT', 'hsilva'],
  ['Lea Meyer', 'DE', 'lmeyer'],
  ['Ryan Murphy', 'US', 'rmurphy'],
  ['Nina Kowalski', 'PL', 'nkowalski'],
  ['Tariq Hassan', 'QA', 'thassan'],
  ['Eva Horvat', 'HR', 'ehorvat'],
  ['Sam Taylor', 'AU', 'staylor'],
  ['Paula Mendes', 'AR', 'pmendes'],
  ['Victor Ng', 'SG', 'vng'],
];

const reasons: Partial<Record<ClientStatus, string[]>> = {
  in_default: ['Invoice 60 days overdue; payment plan refused', 'Two consecutive invoices unpaid', 'Bank transfer returned; no reply for 30 days'],
  suspended: ['Awaiting signed amendment to the hosting agreement', 'KYC documents expired'],
};

export type SeededClients = {
  staffIds: number[];
  staffNames: readonly string[];
  clientIds: number[];
  onboardedMs: number[];
  groups: number;
  contacts: number;
  prices: number;
};

/** When the story puts a change: the clock, its own draws (apart from the facility's), and when the facility opened. */
export type DemoTimeline = { clock: StoryClock; when: Random; openedMs: number };

/** How long before today a client's status changed, by status: defaults are recent, a client left long ago. */
const statusAgeDays: Partial<Record<ClientStatus, [number, number]>> = {
  in_default: [3, 50],
  suspended: [10, 120],
  inactive: [20, 200],
  pool_redirected: [1, 14],
};

/** A price from the first day of the month the client came, and for some a new one six months later when that has come. */
function priceDates(onboardedMs: number, nowMs: number): string[] {
  const first = DateTime.fromMillis(onboardedMs, { zone: 'utc' }).startOf('month');
  const second = first.plus({ months: 6 });
  return [first.toISODate()!, ...(second.toMillis() < nowMs ? [second.toISODate()!] : [])];
}

/** International calling codes of the demo's countries, so phone numbers look like their country's. */
const callingCodes: Record<string, number> = {
  AE: 971,
  AR: 54,
  AT: 43,
  AU: 61,
  BR: 55,
  CA: 1,
  CH: 41,
  CL: 56,
  CZ: 420,
  DE: 49,
  ES: 34,
  FI: 358,
  FR: 33,
  GB: 44,
  HR: 385,
  HU: 36,
  IE: 353,
  IL: 972,
  IN: 91,
  IT: 39,
  JP: 81,
  LT: 370,
  MX: 52,
  NL: 31,
  NO: 47,
  PL: 48,
  PT: 351,
  PY: 595,
  QA: 974,
  SE: 46,
  SG: 65,
  US: 1,
};
const randomPhone = (random: Random, country: string) =>
  `+${callingCodes[country] ?? 1} ${random.int(200, 999)} ${random.int(100, 999)} ${random.int(1000, 9999)}`;

function clientInputs(random: Random, staffIds: number[], groupIds: number[]): Input<'clients.create'>[] {
  const fromCompanies = companies.map(([name, company, domain, country, currency]) => ({
    name,
    company,
    contactEmail: `ops@${domain}`,
    billingEmail: random.chance(0.6) ? `accounts@${domain}` : null,
    phone: randomPhone(random, country),
    messenger: random.chance(0.5) ? `@${name.toLowerCase().replace(/\s+/g, '_')}` : '',
    country,
    currency,
    groupId: random.pick([groupIds[0], groupIds[2], groupIds[0]]),
    taxExempt: random.chance(0.1),
    taxId: `${country}${random.int(10_000_000, 99_999_999)}`,
    managerId: random.pick(staffIds),
  }));
  const fromPeople = people.map(([name, country, handle]) => ({
    name,
    contactEmail: `${handle}@mail.example`,
    phone: randomPhone(random, country),
    messenger: random.chance(0.7) ? `@${handle}` : '',
    country,
    groupId: random.pick([groupIds[1], groupIds[1], groupIds[3]]),
    managerId: random.pick(staffIds),
    notes: random.chance(0.3) ? 'Prefers contact by messenger. Visits the site quarterly.' : '',
  }));
  return [...fromCompanies, ...fromPeople];
}

/**
 * A few clients have fixed statuses, so the demo always shows every status whatever the random draw; the
 * six large clients (the first ones, with the big contracts) are in good standing, as large accounts are.
 */
const fixedStatuses: Partial<Record<number, ClientStatus>> = {
  ...Object.fromEntries([0, 1, 2, 3, 4, 5].map((index) => [index, 'active'])),
  11: 'pool_redirected',
  14: 'in_default',
  17: 'suspended',
  21: 'inactive',
};

/**
 * Staff, groups and about 60 clients with statuses, contacts and price history. Clients came one after
 * another from the facility's opening to last month, the big ones first; a status changed some time after.
 */
export function seedDemoClients(db: DbOrTx, random: Random, actor: string, { clock, when, openedMs }: DemoTimeline): SeededClients {
  const nowMs = clock.realNow.getTime();
  const staffIds = staffNames.map(
    (name) => createStaff(db, contract['staff.create'].input.parse({ name, email: `${name.split(' ')[0].toLowerCase()}@northwind-hosting.example` }), actor).id,
  );
  const groupIds = groups.map(([name, description]) => createClientGroup(db, { name, description }, actor).id);
  let contacts = 0;
  let prices = 0;
  const inputs = clientInputs(random, staffIds, groupIds);
  const onboardedMs = inputs.map(
    (_, index) => openedMs + 14 * DAY_MS + Math.floor((index * (nowMs - openedMs - 60 * DAY_MS)) / inputs.length) + when.int(0, 5) * DAY_MS,
  );
  const clientIds = inputs.map((raw, index) => {
    clock.set(onboardedMs[index]);
    const client = createClient(db, contract['clients.create'].input.parse(raw), actor);
    const status = fixedStatuses[index] ?? random.weighted<ClientStatus>({ active: 40, inactive: 4, suspended: 3, in_default: 4, pool_redirected: 2 });
    const age = statusAgeDays[status];
    if (age) {
      clock.set(Math.max(onboardedMs[index] + 20 * DAY_MS, nowMs - when.int(age[0], age[1]) * DAY_MS));
      setClientStatus(db, { id: client.id, status, reason: reasons[status] ? random.pick(reasons[status]) : null }, actor);
      clock.set(onboardedMs[index]);
    }
    if (client.company) {
      const domain = client.contactEmail.split('@')[1];
      for (const role of ['owner', 'billing', 'technical'] as ContactRole[]) {
        if (role !== 'owner' && random.chance(0.4)) continue;
        const person = random.pick(people)[0];
        createClientContact(db, { clientId: client.id, name: person, email: `${role}@${domain}`, phone: '', role }, actor);
        contacts += 1;
      }
    }
    if (random.chance(0.35)) {
      const rate = `0.0${random.int(55, 79)}`;
      const fee = client.effectiveCurrency === 'USD' ? String(random.pick([0, 5, 10, 15])) : null;
      const [firstFrom, secondFrom] = priceDates(onboardedMs[index], nowMs);
      setClientPrice(db, { clientId: client.id, validFrom: firstFrom, energyRatePerKwh: rate, hostingFeePerMinerMonth: fee }, actor);
      prices += 1;
      if (random.chance(0.4)) {
        const newRate = `0.0${random.int(60, 85)}`;
        if (secondFrom) {
          clock.set(Date.parse(secondFrom) - 10 * DAY_MS);
          setClientPrice(db, { clientId: client.id, validFrom: secondFrom, energyRatePerKwh: newRate, hostingFeePerMinerMonth: fee }, actor);
          prices += 1;
        }
      }
    }
    return client.id;
  });
  return { staffIds, staffNames, clientIds, onboardedMs, groups: groupIds.length, contacts, prices };
}
