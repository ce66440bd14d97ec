import type { Api } from './fixtures';

export type { Api };

/** YYYY-MM-DD of the first day of the month `back` months before today's (UTC, the fresh server's zone). */
export function monthStart(back: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 10);
}

/**
 * What a billing test builds on: the organisation (Kearney Hosting, USD, in UTC, invoices prefixed INV-,
 * with the given taxes), a manager, a site in `siteZone` and a 200 TH/s, 3,500 W model.
 */
export async function billingFacility(api: Api, options: { siteZone: string; taxRates?: { name: string; percent: string }[] }) {
  await api.call('settings.update', {
    organisationName: 'Kearney Hosting',
    address: '',
    taxId: '',
    currency: 'USD',
    timeZone: 'UTC',
    energyRatePerKwh: '0.05',
    invoicePrefix: 'INV-',
    ...(options.taxRates && { taxRates: options.taxRates }),
  });
  const manager = await api.call('staff.create', { name: 'Dana Ops', email: 'dana@hashdesk.example', phone: '' });
  const site = await api.call('sites.create', { name: 'Kearney NE', timeZone: options.siteZone });
  const model = await api.call('models.create', { make: 'Canaan', model: 'Test Rig 200', nominalHashrateThs: '200', nominalPowerW: 3500 });
  return { managerId: manager.id, siteId: site.id, modelId: model.id };
}

/** A Hosted contract billed by fixed fees, in force since three months back (last month is billed whole) with its miners, activated. */
export async function fixedFeeContract(
  api: Api,
  fields: { clientId: number; siteId: number; minerIds: number[]; fixedMonthlyFee: string; hostingFeePerMinerMonth?: string },
) {
  const { minerIds, ...fees } = fields;
  const startsAt = monthStart(3);
  const created = await api.call('contracts.create', { type: 'hosted', term: '2y', startsAt, billingMethod: 'fixed', ...fees });
  await api.call('contracts.assignEquipment', { contractId: created.id, minerIds, from: startsAt });
  return api.call('contracts.activate', { id: created.id });
}
