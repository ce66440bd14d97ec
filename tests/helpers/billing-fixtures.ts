import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open-db';
import { energyCounters, energyHourly, outletAssignments, powerDevices, powerOutlets } from '../../db/schema';
import { contract } from '../../electron/contract';
import { updateSettings } from '../../electron/services/settings/settings.service';
import { actor } from './client-fixtures';

/**
 * Stored power history for billing tests, written as the power domain stores it: a PDU with outlet
 * counters, hourly energy rows, and which miner was on which outlet when.
 */

const HOUR_MS = 3_600_000;

export function makeStoredPdu(db: DbOrTx, siteId: number, name = 'PDU A', outlets = 4) {
  const at = new Date().toISOString();
  const device = db
    .insert(powerDevices)
    .values({ siteId, kind: 'pdu', name, host: '127.0.0.1', port: 161, builtinProfile: 'apc-rpdu2', createdAt: at, updatedAt: at })
    .returning()
    .get();
  return Array.from({ length: outlets }, (_, i) => {
    const outlet = db
      .insert(powerOutlets)
      .values({ deviceId: device.id, outletIndex: i + 1 })
      .returning()
      .get();
    const counter = db.insert(energyCounters).values({ deviceId: device.id, outletId: outlet.id }).returning().get();
    return { deviceId: device.id, outletId: outlet.id, counterId: counter.id };
  });
}

/** `hours` hourly rows of `energyWh` each from `fromIso` (UTC, on the hour), skipping the indexes in `missing`. */
export function storeHourly(db: DbOrTx, counterId: number, fromIso: string, hours: number, energyWh: number, missing: readonly number[] = []) {
  const rows = [];
  for (let h = 0; h < hours; h += 1) {
    if (missing.includes(h)) continue;
    rows.push({ counterId, hour: new Date(Date.parse(fromIso) + h * HOUR_MS).toISOString(), energyWh, coveredS: 3600 });
  }
  for (let i = 0; i < rows.length; i += 500)
    db.insert(energyHourly)
      .values(rows.slice(i, i + 500))
      .run();
}

export function plugIn(db: DbOrTx, minerId: number, outletId: number, fromIso: string, toIso: string | null = null) {
  db.insert(outletAssignments)
    .values({ outletId, minerId, fromAt: new Date(fromIso).toISOString(), toAt: toIso && new Date(toIso).toISOString(), actor })
    .run();
}

/** Organisation settings with taxes and the invoice prefix. */
export function setTaxes(db: DbOrTx, taxRates: { name: string; percent: string }[], timeZone = 'America/New_York') {
  return updateSettings(
    db,
    contract['settings.update'].input.parse({
      organisationName: 'Test Hosting',
      address: '1 Main St',
      taxId: 'US-99',
      currency: 'USD',
      timeZone,
      energyRatePerKwh: '0.05',
      invoicePrefix: 'INV-',
      taxRates,
      paymentInstructions: 'IBAN XX00 1234',
    }),
    actor,
  );
}

export const counterRow = (db: DbOrTx, id: number) => db.select().from(energyCounters).where(eq(energyCounters.id, id)).get();
