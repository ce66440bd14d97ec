import { and, desc, eq, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { clientPricing } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { ClientPrice, ClientPricing } from '../../contract/clients.records';
import type { ParsedInputOf } from '../../contract/define';
import { AppError } from '../../contract/errors';
import { currencyDecimals, parseDecimal } from '../../contract/money';
import { recordAudit } from '../audit/record-audit';
import { readSettingsRow } from '../settings/settings.service';
import { siteToday } from '../settings/site-calendar';
import { clientLabel, requireClient, requireOpenClient, type ClientRow } from './clients.guards';

type PriceRow = typeof clientPricing.$inferSelect;
/** The same ceiling as the organisation's rate: 100 per kWh. */
const maxRateMicroPerKwh = 100_000_000;

/** The currency a client's amounts are in: its own, or the organisation's default. */
export const effectiveCurrency = (db: DbOrTx, client: Pick<ClientRow, 'currency'>): string => client.currency ?? readSettingsRow(db).currency;

const toPrice = (row: PriceRow, currency: string): ClientPrice => ({ ...row, currency });

/** The row in force on `date` (default: today in the site's calendar), or null when the global rates apply. */
export function currentClientPrice(db: DbOrTx, client: Pick<ClientRow, 'id' | 'currency'>, date = siteToday(db)): ClientPrice | null {
  const row = db
    .select()
    .from(clientPricing)
    .where(and(eq(clientPricing.clientId, client.id), lte(clientPricing.validFrom, date)))
    .orderBy(desc(clientPricing.validFrom))
    .limit(1)
    .get();
  return row ? toPrice(row, effectiveCurrency(db, client)) : null;
}

export function listClientPricing(db: DbOrTx, clientId: number): ClientPricing {
  const client = requireClient(db, clientId);
  const currency = effectiveCurrency(db, client);
  const rows = db.select().from(clientPricing).where(eq(clientPricing.clientId, clientId)).orderBy(desc(clientPricing.validFrom)).all();
  return { rows: rows.map((row) => toPrice(row, currency)), currentId: currentClientPrice(db, client)?.id ?? null };
}

function parseRate(text: string | null): number | null {
  if (text === null) return null;
  const micro = parseDecimal(text, 6);
  if (micro === null || micro < 0 || micro > maxRateMicroPerKwh) {
    throw new AppError('INVALID_INPUT', `The energy rate ${text} is not a price per kWh between 0 and 100 with at most six decimals.`, {
      energyRatePerKwh: 'must be between 0 and 100, at most six decimals',
    });
  }
  return micro;
}

function parseFee(text: string | null, currency: string): number | null {
  if (text === null) return null;
  const decimals = currencyDecimals(currency);
  const minor = parseDecimal(text, decimals);
  if (minor === null || minor < 0) {
    throw new AppError('INVALID_INPUT', `The hosting fee ${text} has more decimals than ${currency} allows (${decimals}).`, {
      hostingFeePerMinerMonth: `must have at most ${decimals} decimals in ${currency}`,
    });
  }
  return minor;
}

/** Adds a row to the price history. Rows are never overwritten: a date that already has prices is refused. */
export function setClientPrice(db: DbOrTx, input: ParsedInputOf<Contract['clients.pricing.set']>, actor: string): ClientPrice {
  return db.transaction((tx) => {
    const client = requireOpenClient(tx, input.clientId);
    const currency = effectiveCurrency(tx, client);
    const values = {
      clientId: client.id,
      validFrom: input.validFrom,
      energyRateMicroPerKwh: parseRate(input.energyRatePerKwh),
      hostingFeeMinorPerMinerMonth: parseFee(input.hostingFeePerMinerMonth, currency),
      createdAt: new Date().toISOString(),
      actor,
    };
    const taken = tx
      .select({ id: clientPricing.id })
      .from(clientPricing)
      .where(and(eq(clientPricing.clientId, client.id), eq(clientPricing.validFrom, input.validFrom)))
      .get();
    if (taken) {
      throw new AppError(
        'CONFLICT',
        `${clientLabel(client)} already has prices valid from ${input.validFrom}. Prices are never overwritten: choose another date.`,
        {
          validFrom: 'already has prices',
        },
      );
    }
    const row = tx.insert(clientPricing).values(values).returning().get();
    recordAudit(tx, { actor, action: 'client.pricing_set', entity: 'client_pricing', entityId: row.id, clientId: client.id, after: toPrice(row, currency) });
    return toPrice(row, currency);
  });
}
