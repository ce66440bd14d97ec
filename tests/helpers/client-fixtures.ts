import type { DbOrTx } from '../../db/open-db';
import { openTempDb, type TempDb } from './temp-db';
import { contract, type Input } from '../../electron/contract';
import { createClient } from '../../electron/services/clients/clients.service';
import { updateSettings } from '../../electron/services/settings/settings.service';
import { createStaff } from '../../electron/services/staff/staff.service';

export const actor = 'tester';

/** A fresh database with one manager, for tests that create clients. */
export function openClientsDb(): { t: TempDb; managerId: number } {
  const t = openTempDb();
  return { t, managerId: makeManager(t.db).id };
}

/** A staff member to manage clients. */
export function makeManager(db: DbOrTx, name = 'Maria Lopez') {
  return createStaff(db, contract['staff.create'].input.parse({ name }), actor);
}

let serial = 0;

/** A client through the real service, with the form's defaults applied by the contract schema. */
export function makeClient(db: DbOrTx, fields: Partial<Input<'clients.create'>> & { managerId: number }) {
  serial += 1;
  const input = contract['clients.create'].input.parse({ name: `Client ${serial}`, contactEmail: `client${serial}@example.com`, ...fields });
  return createClient(db, input, actor);
}

/** Saves the organisation settings with the given currency and time zone. */
export function setOrganisation(db: DbOrTx, currency: string, timeZone: string) {
  return updateSettings(
    db,
    { organisationName: 'Test Hosting', address: '', taxId: '', currency, timeZone, energyRatePerKwh: '0.05', invoicePrefix: '' },
    actor,
  );
}
