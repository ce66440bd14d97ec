import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draft, openContractsDb, type ContractsWorld } from '../../../tests/helpers/contract-fixtures';
import { forkWorkersTogether } from '../../../tests/helpers/worker-loop';

let w: ContractsWorld;
beforeEach(() => {
  w = openContractsDb();
});
afterEach(() => w.t.close());

const activateTogether = (file: string, batches: number[][]) =>
  forkWorkersTogether(fileURLToPath(new URL('../../../tests/helpers/activate-worker.ts', import.meta.url)), file, batches);

describe('contract numbers under concurrent activation', () => {
  it('stay gapless and unique when four processes activate at once, and a refused activation uses no number', async () => {
    const infinity = { clientId: w.acme.id, siteId: w.site.id, type: 'infinity' as const, pricePerThsDay: '0.05', contractedThs: '100' };
    const good = Array.from({ length: 24 }, () => draft(w.db, infinity).id);
    // A Hosted draft without miners is refused at activation, after the others have started taking numbers.
    const refused = Array.from({ length: 4 }, () => draft(w.db, { clientId: w.acme.id, siteId: w.site.id }).id);
    const batches = [0, 1, 2, 3].map((k) => [...good.filter((_, i) => i % 4 === k), refused[k]]);
    const outcomes = await activateTogether(w.t.file, batches);
    expect(outcomes.filter((o) => o.error && !refused.includes(o.id))).toEqual([]);
    const numbers = outcomes.map((o) => o.number).filter((n): n is string => n !== null);
    expect(numbers).toHaveLength(24);
    expect([...numbers].sort()).toEqual(Array.from({ length: 24 }, (_, i) => `HD-2026-${String(i + 1).padStart(4, '0')}`));
    expect(
      outcomes
        .filter((o) => o.error)
        .map((o) => o.id)
        .sort(),
    ).toEqual([...refused].sort());
    expect(outcomes.find((o) => o.error)?.error).toMatch(/has no miners yet/);
  }, 180_000);
});
