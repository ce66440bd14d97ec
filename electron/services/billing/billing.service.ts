import type { Db } from '../../../db/open-db';
import type { BillingPreview } from '../../contract/billing';
import { AppError } from '../../contract/errors';
import { clientLabel } from '../clients/clients.guards';
import { effectiveCurrency } from '../clients/clients.pricing';
import { readSettingsRow } from '../settings/settings.service';
import { billPreview, computeBill } from './billing.engine';
import { billingInputOf, gatherBilling } from './billing.gather';

/**
 * What the client would be billed for the month, computed now from the stored history; saves nothing.
 * Taxes apply to the sum of all its lines. Contracts at sites in different time zones or in different
 * currencies cannot share one bill: the preview says so (invoices are per contract and have no such limit).
 */
export function previewBill(db: Db, input: { clientId: number; period: string }): BillingPreview {
  const gathered = gatherBilling(db, input.clientId, input.period);
  const zones = new Set(gathered.contracts.map((c) => c.timeZone));
  const currencies = new Set(gathered.contracts.map((c) => c.row.currency));
  const name = clientLabel(gathered.client);
  if (zones.size > 1) {
    throw new AppError(
      'CONFLICT',
      `${name} has contracts at sites in different time zones (${[...zones].join(', ')}) in ${input.period}: preview each contract's invoice instead.`,
    );
  }
  if (currencies.size > 1) {
    throw new AppError(
      'CONFLICT',
      `${name} has contracts in different currencies (${[...currencies].join(', ')}) in ${input.period}: preview each contract's invoice instead.`,
    );
  }
  const timeZone = [...zones][0] ?? readSettingsRow(db).timeZone;
  const currency = [...currencies][0] ?? effectiveCurrency(db, gathered.client);
  const bill = computeBill(billingInputOf(gathered, gathered.contracts, timeZone, currency));
  return {
    ...billPreview(bill),
    clientId: input.clientId,
    period: input.period,
    timeZone,
    contracts: gathered.contracts.map((c) => ({ id: c.row.id, number: c.row.number ?? c.row.draftReference })),
  };
}
