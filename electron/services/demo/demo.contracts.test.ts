import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { contract } from '../../contract';
import { listContracts } from '../contracts/contracts.list';
import { getClientDetail } from '../clients/clients.service';
import { seedDemoFacility } from '../../../tests/helpers/demo-fixtures';

let t: TempDb;
beforeEach(() => (t = openTempDb()));
afterEach(() => t.close());

// A demo seed takes seconds on a quiet machine and several times that on a busy one: the timeout only stops a hang.
describe('demo contracts', { timeout: 120_000 }, () => {
  it('tell the story with every type and every status, a twice-extended lease and an O&M site', () => {
    const summary = seedDemoFacility(t.db);
    const all = listContracts(t.db, contract['contracts.list'].input.parse({ limit: 500 }));
    expect(summary.created.contracts).toBe(all.total);
    expect(new Set(all.rows.map((r) => r.type))).toEqual(new Set(['hosted', 'lease', 'infinity', 'om']));
    for (const status of ['draft', 'active', 'expiring', 'renewed', 'ended', 'terminated'] as const) expect(all.statusCounts[status]).toBeGreaterThan(0);
    const lease = all.rows.find((r) => r.type === 'lease' && r.status !== 'ended')!;
    expect(lease.extensionCount).toBe(2);
    const ended = all.rows.find((r) => r.type === 'lease' && r.status === 'ended')!;
    expect(ended.minerCount).toBe(10);
    const om = all.rows.find((r) => r.type === 'om')!;
    expect(om).toMatchObject({ status: 'active', siteCount: 1, minerCount: 24 });
    expect(getClientDetail(t.db, om.client.id).counts.omSites).toBe(1);
    expect(all.rows.every((r) => r.status === 'draft' || /^HD-\d{4}-\d{4}$/.test(r.reference))).toBe(true);
  });
});
