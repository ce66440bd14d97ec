import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actor, makeClient, openClientsDb } from '../../../tests/helpers/client-fixtures';
import type { TempDb } from '../../../tests/helpers/temp-db';
import { contract } from '../../contract';
import { listAudit } from '../audit/audit.service';
import { siteToday } from '../settings/site-calendar';
import { currentClientPrice, listClientPricing, setClientPrice } from './clients.pricing';
import { getClientDetail } from './clients.service';

let t: TempDb;
let managerId: number;
beforeEach(() => ({ t, managerId } = openClientsDb()));
afterEach(() => t.close());

const price = (clientId: number, validFrom: string, energyRatePerKwh: string | null, hostingFeePerMinerMonth: string | null = null) =>
  setClientPrice(t.db, contract['clients.pricing.set'].input.parse({ clientId, validFrom, energyRatePerKwh, hostingFeePerMinerMonth }), actor);

describe('client pricing', () => {
  it('stores exact integers from decimal text: micro-units per kWh and minor units per miner-month', () => {
    const client = makeClient(t.db, { managerId });
    const row = price(client.id, '2025-01-01', '0.0685', '25.50');
    expect(row).toMatchObject({ energyRateMicroPerKwh: 68_500, hostingFeeMinorPerMinerMonth: 2_550, currency: 'USD', actor });
  });

  it('uses the currency decimals of the client: 0 for JPY, 3 for KWD', () => {
    const yen = makeClient(t.db, { managerId, currency: 'JPY' });
    expect(price(yen.id, '2025-01-01', null, '1200').hostingFeeMinorPerMinerMonth).toBe(1200);
    expect(() => price(yen.id, '2025-02-01', null, '1200.5')).toThrow(
      expect.objectContaining({ fields: { hostingFeePerMinerMonth: 'must have at most 0 decimals in JPY' } }),
    );
    const dinar = makeClient(t.db, { managerId, currency: 'KWD' });
    expect(price(dinar.id, '2025-01-01', null, '1.125').hostingFeeMinorPerMinerMonth).toBe(1125);
  });

  it('never overwrites: each set adds a row, and the same valid-from date twice is a conflict', () => {
    const client = makeClient(t.db, { managerId });
    price(client.id, '2025-01-01', '0.06');
    price(client.id, '2025-06-01', '0.07');
    expect(() => price(client.id, '2025-06-01', '0.08')).toThrow(expect.objectContaining({ code: 'CONFLICT', fields: { validFrom: 'already has prices' } }));
    const { rows } = listClientPricing(t.db, client.id);
    expect(rows.map((r) => [r.validFrom, r.energyRateMicroPerKwh])).toEqual([
      ['2025-06-01', 70_000],
      ['2025-01-01', 60_000],
    ]);
  });

  it('knows the row in force on a date, ignoring future rows; null means the global rates', () => {
    const client = makeClient(t.db, { managerId });
    expect(currentClientPrice(t.db, client, '2025-03-01')).toBeNull();
    price(client.id, '2025-01-01', '0.06');
    price(client.id, '2099-01-01', '0.09');
    expect(currentClientPrice(t.db, client, '2025-03-01')?.energyRateMicroPerKwh).toBe(60_000);
    expect(listClientPricing(t.db, client.id).currentId).toBe(currentClientPrice(t.db, client, siteToday(t.db))?.id);
    expect(getClientDetail(t.db, client.id).currentPricing?.validFrom).toBe('2025-01-01');
  });

  it('rejects negative, malformed and too precise amounts before reaching the database', () => {
    const parse = (raw: object) => contract['clients.pricing.set'].input.safeParse({ clientId: 1, validFrom: '2025-01-01', ...raw });
    expect(parse({ energyRatePerKwh: '-0.01' }).success).toBe(false);
    expect(parse({ energyRatePerKwh: '0.0000001' }).success).toBe(false);
    expect(parse({ hostingFeePerMinerMonth: 'ten' }).success).toBe(false);
    expect(parse({ validFrom: '2025-02-30' }).success).toBe(false);
    expect(parse({ energyRatePerKwh: '', hostingFeePerMinerMonth: '' }).data).toMatchObject({ energyRatePerKwh: null, hostingFeePerMinerMonth: null });
    expect(() => price(makeClient(t.db, { managerId }).id, '2025-01-01', '150')).toThrow(/between 0 and 100/);
  });

  it('audits each row with the client id', () => {
    const client = makeClient(t.db, { managerId });
    const row = price(client.id, '2025-01-01', '0.06');
    expect(listAudit(t.db, { clientId: client.id, entity: 'client_pricing', limit: 5, offset: 0 }).rows[0]).toMatchObject({
      action: 'client.pricing_set',
      entityId: String(row.id),
      after: { energyRateMicroPerKwh: 60_000 },
    });
  });
});
