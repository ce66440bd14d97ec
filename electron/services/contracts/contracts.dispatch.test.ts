import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDispatchDb, type DispatchDb } from '../../../tests/helpers/dispatch-db';
import { makeFleet, type Fleet } from '../../../tests/helpers/fleet-fixtures';
import type { ContractDetail, ContractEvent, ContractList } from '../../contract/contracts';

let d: DispatchDb;
let fleet: Fleet;
beforeEach(() => {
  d = openDispatchDb();
  fleet = makeFleet(d.t.db);
});
afterEach(() => {
  d.t.close();
  expect(d.log.error).not.toHaveBeenCalled();
});

const value = <T>(outcome: { ok: boolean; value?: unknown; error?: unknown }) => {
  expect(outcome.error).toBeUndefined();
  return outcome.value as T;
};

describe('contracts through the API', () => {
  it('runs the wizard: draft, equipment, activation with a number, timeline, list, early termination', async () => {
    const created = value<ContractDetail>(
      await d.run('contracts.create', {
        clientId: fleet.acme.id,
        siteId: fleet.midland.siteId,
        type: 'hosted',
        term: '1y',
        startsAt: new Date(Date.now() - 10 * 86_400_000).toISOString(), // began ten days ago
        billingMethod: 'calculated',
        energyRatePerKwh: '0.0685',
        hostingFeePerMinerMonth: '12.50',
        powerCapKw: '10',
      }),
    );
    expect(created).toMatchObject({ status: 'draft', energyRatePerKwh: '0.0685', hostingFeePerMinerMonth: '12.50', powerCapKw: '10' });
    const ids = [fleet.miners[0].id, fleet.miners[1].id];
    value(await d.run('contracts.assignEquipment', { contractId: created.id, minerIds: ids }));
    const active = value<ContractDetail>(await d.run('contracts.activate', { id: created.id }));
    expect(active.number).toMatch(/^HD-\d{4}-0001$/);
    expect(active.status).toBe('active');
    expect(active.equipment.map((e) => e.miner?.assetId)).toEqual(['A-001', 'A-002']);
    const list = value<ContractList>(await d.run('contracts.list', { clientId: fleet.acme.id, status: ['active', 'expiring', 'ended'] }));
    expect(list.rows.map((r) => r.reference)).toEqual([active.number]);
    const past = new Date(Date.now() - 60_000).toISOString();
    const ended = value<ContractDetail>(await d.run('contracts.terminate', { id: created.id, endsAt: past, reason: 'Client left early' }));
    expect(ended).toMatchObject({ status: 'terminated', terminationReason: 'Client left early', terminatedAt: past });
    expect(ended.equipment.every((e) => e.toAt === past)).toBe(true);
    const timeline = value<ContractEvent[]>(await d.run('contracts.timeline', { id: created.id }));
    expect(timeline.map((e) => e.kind)).toEqual(['terminated', 'activated', 'equipment_assigned', 'created']);
  });

  it('answers bad input with plain sentences naming the field, and unknown records with NOT_FOUND', async () => {
    const bad = await d.run('contracts.create', {
      clientId: fleet.acme.id,
      siteId: fleet.midland.siteId,
      type: 'rental',
      term: '1y',
      startsAt: '17/03/2026',
      energyRatePerKwh: '0.0000001',
    });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: {
          type: 'must be one of hosted, lease, infinity, om',
          startsAt: 'must be a date like 2026-03-17, a local time like 2026-06-10T12:00, or an instant with offset like 2026-06-10T10:00Z',
          energyRatePerKwh: 'must be more than 0 with at most 6 decimals',
        },
      },
    });
    expect(await d.run('contracts.get', { id: 999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Contract #999 was not found. Refresh the contracts list and try again.' },
    });
    const terminate = await d.run('contracts.terminate', { id: 1, endsAt: '2026-01-01', reason: ' ' });
    expect(terminate).toMatchObject({ ok: false, error: { fields: { reason: 'is required: say why the contract ends early' } } });
  });
});
