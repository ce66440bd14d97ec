import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, minerIdentityReviews, miners } from '../../../db/schema';
import { actor } from '../../../tests/helpers/client-fixtures';
import { makeFleet, type Fleet } from '../../../tests/helpers/fleet-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { contract, type Input } from '../../contract';
import { createIdentityMatcher, openIdentityReview, type ObservedIdentity } from './miners.identity';
import { getMinerHistory } from './miners.records';
import { listIdentityReviews, resolveIdentityReview } from './miners.records.reviews';
import { createMiner } from './miners.service';

let t: TempDb;
let fleet: Fleet;
beforeEach(() => {
  t = openTempDb();
  fleet = makeFleet(t.db);
});
afterEach(() => t.close());

const minerId = (assetId: string) => t.db.select({ id: miners.id }).from(miners).where(eq(miners.assetId, assetId)).get()?.id ?? 0;
const minerById = (id: number) => t.db.select().from(miners).where(eq(miners.id, id)).get();
const list = (raw: Input<'miners.identity.reviews.list'> = {}) => listIdentityReviews(t.db, contract['miners.identity.reviews.list'].input.parse(raw));
const resolve = (raw: Input<'miners.identity.reviews.resolve'>) =>
  resolveIdentityReview(t.db, contract['miners.identity.reviews.resolve'].input.parse(raw), actor);

/** What an import or a scan does with an observation the matcher cannot decide: it opens a review. */
function reviewOf(observed: ObservedIdentity & { make?: string; model?: string }, source: 'import' | 'discovery' = 'import'): number {
  const found = createIdentityMatcher(t.db).match(observed);
  if (found.kind !== 'ambiguous') throw new Error(`expected an ambiguous match, got ${found.kind}`);
  return openIdentityReview(t.db, { source, observed, candidateIds: found.candidateIds, reason: found.reason }, new Date().toISOString());
}

describe('identity reviews', () => {
  it('lists two miners with the same serial as candidates, and resolving applies the observation to the chosen one', () => {
    // Only data from before serials were checked can hold a serial twice.
    const twin = createMiner(t.db, { assetId: 'A-TWIN', make: 'Bitmain', model: 'S21', serial: 'sn1' }, actor);
    const reviewId = reviewOf({ serial: 'SN1', mac: '02:00:00:00:00:11', ip: '127.60.0.77', hostname: 'mid-1b', siteId: fleet.midland.siteId });
    const [listed] = list({ status: 'open' }).rows;
    expect(listed).toMatchObject({
      id: reviewId,
      source: 'import',
      status: 'open',
      observed: { serial: 'SN1', mac: '02:00:00:00:00:11', ip: '127.60.0.77', siteName: 'Midland TX', make: null },
      candidates: [
        { assetId: 'A-001', serial: 'SN1', siteName: 'Midland TX', clientName: 'Acme Hashing' },
        { assetId: 'A-TWIN', serial: 'sn1', siteName: null, clientName: null },
      ],
      reason: 'Serial SN1 is recorded on 2 miners (A-001, A-TWIN); choose which one this is.',
    });

    const resolved = resolve({ id: reviewId, minerId: minerId('A-001') });
    expect(resolved).toMatchObject({ status: 'resolved', resolvedMiner: { assetId: 'A-001' }, resolvedBy: actor });
    expect(minerById(minerId('A-001'))).toMatchObject({ assetId: 'A-001', mac: '02:00:00:00:00:11', ip: '127.60.0.77', hostname: 'mid-1b' });
    expect(getMinerHistory(t.db, minerId('A-001')).identity).toContainEqual(
      expect.objectContaining({ kind: 'ip', value: '127.60.0.77', source: 'import', toAt: null }),
    );
    // The serial now names A-001 only, so the next file finds it without a review.
    expect(minerById(twin.id)?.serial).toBeNull();
    expect(createIdentityMatcher(t.db).match({ serial: 'SN1' })).toEqual({ kind: 'match', minerId: minerId('A-001'), by: 'serial' });
    expect(list({ status: 'open' }).total).toBe(0);
    expect(list({ status: 'resolved' }).rows).toHaveLength(1);

    expect(() => resolve({ id: reviewId, dismiss: true })).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        message: expect.stringMatching(/^Identity review #\d+ was already resolved \(applied to A-001\) by tester/),
      }),
    );
  });

  it('sends a serial of one miner with the MAC of another to review; resolving moves the MAC and audits both miners', () => {
    const reviewId = reviewOf({ serial: 'SN1', mac: 'aa:bb:cc:00:00:03' }, 'discovery');
    expect(list().rows[0]).toMatchObject({ candidates: [{ assetId: 'A-001' }, { assetId: 'A-003' }], reason: expect.stringContaining('belongs to A-003') });
    resolve({ id: reviewId, minerId: minerId('A-001') });
    expect(minerById(minerId('A-001'))?.mac).toBe('AA:BB:CC:00:00:03');
    expect(minerById(minerId('A-003'))?.mac).toBeNull();
    const audit = t.db.select().from(auditLog).orderBy(asc(auditLog.id)).all().slice(-3);
    expect(audit.map((row) => [row.action, row.entityId])).toEqual([
      ['miner.updated', String(minerId('A-003'))],
      ['miner.updated', String(minerId('A-001'))],
      ['identity_review.resolved', String(reviewId)],
    ]);
    expect(JSON.parse(audit[0].afterJson ?? '')).toEqual({ mac: null, releasedTo: 'A-001', reviewId });
    expect(getMinerHistory(t.db, minerId('A-001')).identity[0]).toMatchObject({ kind: 'mac', value: 'AA:BB:CC:00:00:03', source: 'discovery' });
  });

  it('creates a new miner from the observation when the reviewer says it is another machine', () => {
    const reviewId = reviewOf({
      serial: 'SN-NEW',
      mac: '02:00:00:00:00:55',
      ip: '127.60.1.5',
      siteId: fleet.odessa.siteId,
      make: 'Bitmain',
      model: 'Antminer S21',
    });
    const resolved = resolve({ id: reviewId, createNew: true });
    expect(resolved.resolvedMiner?.assetId).toBe('A-005');
    expect(minerById(resolved.resolvedMiner?.id ?? 0)).toMatchObject({
      serial: 'SN-NEW',
      ip: '127.60.1.5',
      siteId: fleet.odessa.siteId,
      make: 'Bitmain',
      model: 'Antminer S21',
    });
    // DHCP handed the address on: the old holder lets go of it.
    expect(minerById(minerId('A-003'))?.ip).toBeNull();
    expect(getMinerHistory(t.db, resolved.resolvedMiner?.id ?? 0).identity.every((row) => row.source === 'import')).toBe(true);
  });

  it('dismisses a review without touching any miner, and refuses a miner that is not a candidate', () => {
    const reviewId = reviewOf({ serial: 'SN1', mac: 'AA:BB:CC:00:00:03' });
    const before = t.db.select().from(miners).all();
    expect(() => resolve({ id: reviewId, minerId: minerId('A-002') })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringMatching(/^Miner A-002 is not a candidate of identity review/) }),
    );
    expect(resolve({ id: reviewId, dismiss: true })).toMatchObject({ status: 'dismissed', resolvedMiner: null });
    expect(t.db.select().from(miners).all()).toEqual(before);
    expect(t.db.select().from(minerIdentityReviews).get()?.status).toBe('dismissed');
    expect(() => resolve({ id: 999, dismiss: true })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
