import { afterAll, describe, expect, it } from 'vitest';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { seedDemoFacility } from '../../../tests/helpers/demo-fixtures';

const opened: TempDb[] = [];
afterAll(() => opened.splice(0).forEach((t) => t.close()));

function seed() {
  const t = openTempDb();
  opened.push(t);
  const summary = seedDemoFacility(t.db);
  const all = (sql: string) => t.db.$client.prepare(sql).all();
  return { t, summary, all };
}

// The tests only read the facility: they share one, seeded when first asked (the other seed is the rerun below).
let facility: ReturnType<typeof seed> | undefined;
const seeded = () => (facility ??= seed());

// A demo seed takes seconds on a quiet machine and several times that on a busy one: the timeout only stops a hang.
describe('demo clients and fleet', { timeout: 120_000 }, () => {
  it('builds a realistic facility: staff, groups, ~60 clients in every status, ~2,500 miners, ~5% unpaid, tasks', () => {
    const { summary, all } = seeded();
    expect(summary.created).toMatchObject({ staff: 8, clientGroups: 4, clients: 60 });
    expect(summary.created.miners).toBeGreaterThan(2_300);
    expect(summary.created.tasks).toBeGreaterThan(10);
    const statuses = all('SELECT status, count(*) AS n FROM clients GROUP BY status') as { status: string; n: number }[];
    expect(statuses.map((s) => s.status).sort()).toEqual(['active', 'in_default', 'inactive', 'pool_redirected', 'suspended']);
    expect(all("SELECT count(*) AS n FROM client_status_history WHERE to_status IN ('in_default','suspended') AND reason IS NULL")).toEqual([{ n: 0 }]);
    const [{ unpaid, total }] = all('SELECT sum(NOT paid) AS unpaid, count(*) AS total FROM miners WHERE client_id IS NOT NULL') as {
      unpaid: number;
      total: number;
    }[];
    expect(unpaid / total).toBeGreaterThan(0.03);
    expect(unpaid / total).toBeLessThan(0.07);
    expect((all('SELECT DISTINCT model FROM miners') as unknown[]).length).toBe(7);
    expect(
      all(
        'SELECT count(*) AS n FROM miners m WHERE client_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM miner_client_assignments a WHERE a.miner_id = m.id AND a.to_at IS NULL)',
      ),
    ).toEqual([{ n: 0 }]);
  });

  it('is the same facility on every run', () => {
    const first = seeded().all(
      'SELECT c.name, c.status, count(m.id) AS miners FROM clients c LEFT JOIN miners m ON m.client_id = c.id GROUP BY c.id ORDER BY c.id',
    );
    const second = seed().all(
      'SELECT c.name, c.status, count(m.id) AS miners FROM clients c LEFT JOIN miners m ON m.client_id = c.id GROUP BY c.id ORDER BY c.id',
    );
    expect(second).toEqual(first);
  });

  it('racks client miners at two sites, links every miner to its catalogue model, and keeps spares in storage', () => {
    const { summary, all } = seeded();
    expect(summary.created).toMatchObject({ sites: 2, rooms: 5, racks: 48 }); // plus the O&M client's own site (demo.contracts)
    expect(all('SELECT count(*) AS n FROM miners WHERE model_id IS NULL OR site_id IS NULL')).toEqual([{ n: 0 }]);
    // Leased spares stay in storage, and the O&M client's site has no racks of ours.
    const leased = "SELECT e.miner_id FROM contract_equipment e JOIN contracts c ON c.id = e.contract_id WHERE c.type = 'lease'";
    const ownSites = "SELECT id FROM sites WHERE name IN ('Midland TX', 'Odessa TX')";
    expect(
      all(`SELECT count(*) AS n FROM miners WHERE client_id IS NOT NULL AND rack_id IS NULL AND site_id IN (${ownSites}) AND id NOT IN (${leased})`),
    ).toEqual([{ n: 0 }]);
    // The 60 spares, and the machine nobody had recorded that the Hall A scan added (demo.discovery).
    expect(all("SELECT count(*) AS n FROM miners m JOIN sites s ON s.id = m.site_id WHERE m.rack_id IS NULL AND s.name = 'Odessa TX'")).toEqual([{ n: 61 }]);
    const misplaced = 'SELECT count(*) AS n FROM miners m JOIN racks k ON k.id = m.rack_id JOIN site_rooms r ON r.id = k.room_id WHERE r.site_id <> m.site_id';
    expect(all(misplaced)).toEqual([{ n: 0 }]);
    expect(all('SELECT count(*) AS n FROM miners m JOIN miner_models d ON d.id = m.model_id WHERE d.model <> m.model')).toEqual([{ n: 0 }]);
  });
});
