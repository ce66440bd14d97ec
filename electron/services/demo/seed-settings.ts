import type { DbOrTx } from '../../../db/open-db';
import { updateSettings } from '../settings/settings.service';

export function seedDemoSettings(db: DbOrTx, actor: string): number {
  updateSettings(
    db,
    {
      organisationName: 'Northwind Hosting LLC',
      address: '4100 Industrial Park Rd\nMidland, TX 79706\nUnited States',
      taxId: 'US 87-1234567',
      currency: 'USD',
      timeZone: 'America/Chicago',
      energyRatePerKwh: '0.0685',
      invoicePrefix: 'NW-',
    },
    actor,
  );
  return 1;
}
