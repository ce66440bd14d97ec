import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { minerIdentityReviews } from '../../../db/schema';
import { actor } from '../../../tests/helpers/client-fixtures';
import { makeFleet, type Fleet } from '../../../tests/helpers/fleet-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { createIdentityMatcher, normaliseIp, normaliseMac, openIdentityReview, recordIdentityChanges } from './miners.identity';
import { getMinerHistory } from './miners.records';
import { createMiner } from './miners.service';

let t: TempDb;
let fleet: Fleet;
beforeEach(() => {
  t = openTempDb();
  fleet = makeFleet(t.db);
});
afterEach(() => t.close());

/** Fleet: A-001 SN1 127.60.0.11 at Midland; A-002 127.60.0.12 at Midland; A-003 MAC AA:BB:CC:00:00:03 127.60.1.5 at Odessa. */
const id = (assetId: string) => fleet.miners.find((m) => m.assetId === assetId)?.id ?? 0;

describe('normaliseMac', () => {
  it.each([
    ['aa:bb:cc:dd:ee:ff', 'AA:BB:CC:DD:EE:FF'],
    [' AA-BB-CC-DD-EE-0F ', 'AA:BB:CC:DD:EE:0F'],
    ['aabb.ccdd.eeff', 'AA:BB:CC:DD:EE:FF'],
    ['AABBCCDDEEFF', 'AA:BB:CC:DD:EE:FF'],
  ])('reads %s as %s', (text, mac) => expect(normaliseMac(text)).toBe(mac));

  it.each(['', '   ', 'AA:BB:CC:DD:EE', 'AA:BB-CC:DD:EE:FF', 'GG:BB:CC:DD:EE:FF', 'AABBCCDDEEFF00', 'AA:BB:CC:DD:EE:FF:00'])('refuses %j', (text) =>
    expect(normaliseMac(text)).toBeNull(),
  );
});

describe('normaliseIp', () => {
  it('reads dotted IPv4, dropping spreadsheet leading zeros', () => {
    expect(normaliseIp(' 127.60.0.11 ')).toBe('127.60.0.11');
    expect(normaliseIp('127.060.000.011')).toBe('127.60.0.11');
  });
  it.each(['', '127.60.0', '127.60.0.256', '127.60.0.1.2', '127.60.0.-1', 'fe80::1', '127.60.0.x', '127.60.0.1234'])('refuses %j', (text) =>
    expect(normaliseIp(text)).toBeNull(),
  );
});

describe('createIdentityMatcher', () => {
  it('matches by serial in any case, keeping the miner through an IP and MAC change', () => {
    const matcher = createIdentityMatcher(t.db);
    expect(matcher.match({ serial: ' sn1 ', mac: '11:22:33:44:55:66', ip: '127.60.9.9', siteId: fleet.odessa.siteId })).toEqual({
      kind: 'match',
      minerId: id('A-001'),
      by: 'serial',
    });
  });

  it('matches by MAC in any written form when the serial is unknown or the stored miner has none', () => {
    const matcher = createIdentityMatcher(t.db);
    expect(matcher.match({ mac: 'aa-bb-cc-00-00-03', ip: '127.60.7.7' })).toEqual({ kind: 'match', minerId: id('A-003'), by: 'mac' });
    // A-003 has no serial stored, so a serial seen for the first time does not contradict the MAC.
    expect(matcher.match({ serial: 'NEW-SN', mac: 'AABBCC000003' })).toEqual({ kind: 'match', minerId: id('A-003'), by: 'mac' });
  });

  it('matches by IP only within the same site (or when neither has one)', () => {
    const matcher = createIdentityMatcher(t.db);
    expect(matcher.match({ ip: '127.60.0.12', siteId: fleet.midland.siteId })).toEqual({ kind: 'match', minerId: id('A-002'), by: 'ip' });
    expect(matcher.match({ ip: '127.60.0.12', siteId: fleet.odessa.siteId })).toEqual({ kind: 'new' });
    expect(matcher.match({ ip: '127.60.0.12' })).toEqual({ kind: 'new' });
    const loose = createMiner(t.db, { assetId: 'LOOSE', make: 'Bitmain', model: 'S21', ip: '127.60.5.5' }, actor);
    expect(createIdentityMatcher(t.db).match({ ip: '127.060.005.005', siteId: null })).toEqual({ kind: 'match', minerId: loose.id, by: 'ip' });
  });

  it('answers new when nothing matches or nothing was observed', () => {
    const matcher = createIdentityMatcher(t.db);
    expect(matcher.match({ serial: 'SN-UNKNOWN', mac: '00:00:00:00:00:01', ip: '127.60.9.9', siteId: fleet.midland.siteId })).toEqual({ kind: 'new' });
    expect(matcher.match({})).toEqual({ kind: 'new' });
  });

  it('sends two miners with the same serial to review, naming both', () => {
    const twin = createMiner(t.db, { assetId: 'A-TWIN', make: 'Bitmain', model: 'S21', serial: 'sn1' }, actor);
    expect(createIdentityMatcher(t.db).match({ serial: 'SN1' })).toEqual({
      kind: 'ambiguous',
      candidateIds: [id('A-001'), twin.id],
      reason: 'Serial SN1 is recorded on 2 miners (A-001, A-TWIN); choose which one this is.',
    });
  });

  it('calls a serial of one miner with the MAC of another a conflict, naming both asset IDs', () => {
    expect(createIdentityMatcher(t.db).match({ serial: 'SN1', mac: 'AA:BB:CC:00:00:03' })).toEqual({
      kind: 'ambiguous',
      candidateIds: [id('A-001'), id('A-003')],
      reason: 'Serial SN1 belongs to A-001, but MAC AA:BB:CC:00:00:03 belongs to A-003; check which machine this is.',
    });
  });

  it('does not match a weaker key when the stored miner has a stronger one that differs', () => {
    const withSerial = createMiner(t.db, { assetId: 'B-1', make: 'Bitmain', model: 'S21', serial: 'SN-B1', mac: '00:11:22:33:44:55' }, actor);
    const matcher = createIdentityMatcher(t.db);
    expect(matcher.match({ serial: 'SN-OTHER', mac: '00-11-22-33-44-55' })).toEqual({
      kind: 'ambiguous',
      candidateIds: [withSerial.id],
      reason: 'MAC 00:11:22:33:44:55 belongs to B-1, but B-1 has serial SN-B1, not SN-OTHER; check whether the control board was moved.',
    });
    expect(matcher.match({ mac: 'FF:FF:FF:00:00:01', ip: '127.60.1.5', siteId: fleet.odessa.siteId })).toMatchObject({
      kind: 'ambiguous',
      candidateIds: [id('A-003')],
      reason:
        'IP 127.60.1.5 belongs to A-003, but A-003 has MAC AA:BB:CC:00:00:03, not FF:FF:FF:00:00:01; check whether the address now belongs to another machine.',
    });
    expect(matcher.match({ serial: 'SN-X', ip: '127.60.0.11', siteId: fleet.midland.siteId })).toMatchObject({
      kind: 'ambiguous',
      candidateIds: [id('A-001')],
    });
  });

  it('answers the same when it reads only the miners a batch can match (scope), stored values written before normal forms included', () => {
    const legacy = (assetId: string, serial: string | null, mac: string | null, ip: string | null) => {
      const miner = createMiner(t.db, { assetId, make: 'Bitmain', model: 'S21' }, actor);
      t.db.$client.prepare('UPDATE miners SET serial = ?, mac = ?, ip = ? WHERE id = ?').run(serial, mac, ip, miner.id);
      return miner.id;
    };
    // One value each that SQLite alone would not find: the scope has to read them for the matcher to normalise.
    legacy('L-1', ' sn-spaced ', null, null);
    legacy('L-2', 'snä-2', null, null);
    legacy('L-3', 'lower-sn', null, null);
    legacy('L-4', null, 'aa:bb:cc:00:00:0a', null);
    legacy('L-5', null, 'aa-bb-cc-00-00-0b', null);
    legacy('L-6', null, 'aabb.cc00.000c', null);
    legacy('L-7', null, null, '127.060.005.005');
    legacy('L-8', null, null, ' 127.60.5.6 ');
    const observations = [
      { serial: 'SN-SPACED' },
      { serial: 'SNÄ-2' },
      { serial: 'LOWER-SN', ip: '127.60.0.11', siteId: fleet.midland.siteId },
      { mac: 'AA:BB:CC:00:00:0A' },
      { mac: 'aabbcc00000b', serial: 'SN1' },
      { mac: 'AA:BB:CC:00:00:0C' },
      { ip: '127.60.5.5' },
      { ip: '127.60.5.6' },
      { mac: 'AA:BB:CC:00:00:03', ip: '127.60.1.5', siteId: fleet.odessa.siteId },
      { serial: 'NOBODY', ip: '127.60.0.12', siteId: fleet.odessa.siteId },
    ];
    const full = createIdentityMatcher(t.db);
    const scoped = createIdentityMatcher(t.db, { observations });
    const answers = observations.map((obs) => full.match(obs));
    expect(answers.filter((answer) => answer.kind !== 'new')).toHaveLength(9);
    expect(observations.map((obs) => scoped.match(obs))).toEqual(answers);

    // A miner the scope left out is read when remembered: its stored serial still contradicts a later row's.
    for (const matcher of [full, createIdentityMatcher(t.db, { observations: [{ mac: '00:00:00:00:00:0D' }] })]) {
      matcher.remember(id('A-001'), { mac: '00:00:00:00:00:0D' });
      expect(matcher.match({ mac: '00:00:00:00:00:0D', serial: 'SN-OTHER' })).toEqual({
        kind: 'ambiguous',
        candidateIds: [id('A-001')],
        reason: 'MAC 00:00:00:00:00:0D belongs to A-001, but A-001 has serial SN1, not SN-OTHER; check whether the control board was moved.',
      });
    }
  });

  it('sees miners remembered during the batch: a file with the same serial twice, and a changed IP', () => {
    const matcher = createIdentityMatcher(t.db);
    expect(matcher.match({ serial: 'FILE-SN', ip: '127.60.3.3', siteId: fleet.midland.siteId })).toEqual({ kind: 'new' });
    matcher.remember(500, { serial: 'FILE-SN', ip: '127.60.3.3', siteId: fleet.midland.siteId }, 'M-000500');
    expect(matcher.match({ serial: 'file-sn' })).toEqual({ kind: 'match', minerId: 500, by: 'serial' });
    expect(matcher.match({ ip: '127.60.3.3', siteId: fleet.midland.siteId })).toEqual({ kind: 'match', minerId: 500, by: 'ip' });

    matcher.remember(id('A-002'), { ip: '127.60.0.99' });
    expect(matcher.match({ ip: '127.60.0.12', siteId: fleet.midland.siteId })).toEqual({ kind: 'new' });
    expect(matcher.match({ ip: '127.60.0.99', siteId: fleet.midland.siteId })).toEqual({ kind: 'match', minerId: id('A-002'), by: 'ip' });

    matcher.remember(id('A-001'), { mac: 'AA:BB:CC:00:00:03' });
    expect(matcher.match({ mac: 'AA:BB:CC:00:00:03' })).toMatchObject({
      kind: 'ambiguous',
      reason: 'MAC AA:BB:CC:00:00:03 is recorded on 2 miners (A-003, A-001); choose which one this is.',
    });
  });
});

describe('recordIdentityChanges', () => {
  const historyOf = (minerId: number) => getMinerHistory(t.db, minerId).identity.reverse();

  it('opens rows on create, closes and opens only the changed kinds, and only closes for a cleared value', () => {
    const minerId = createMiner(t.db, { assetId: 'H-1', make: 'Bitmain', model: 'S21' }, actor).id;
    recordIdentityChanges(t.db, minerId, {}, { serial: 'SN-H', mac: 'AA:00:00:00:00:01', ip: '127.60.4.1', hostname: null }, 'manual', 't1');
    expect(historyOf(minerId)).toEqual([
      { kind: 'ip', value: '127.60.4.1', fromAt: 't1', toAt: null, source: 'manual' },
      { kind: 'mac', value: 'AA:00:00:00:00:01', fromAt: 't1', toAt: null, source: 'manual' },
      { kind: 'serial', value: 'SN-H', fromAt: 't1', toAt: null, source: 'manual' },
    ]);
    const before = { serial: 'SN-H', mac: 'AA:00:00:00:00:01', ip: '127.60.4.1', hostname: null };
    recordIdentityChanges(t.db, minerId, before, { serial: 'SN-H', ip: '127.60.4.2', mac: null, hostname: 'h-1' }, 'discovery', 't2');
    expect(historyOf(minerId)).toEqual([
      { kind: 'ip', value: '127.60.4.1', fromAt: 't1', toAt: 't2', source: 'manual' },
      { kind: 'mac', value: 'AA:00:00:00:00:01', fromAt: 't1', toAt: 't2', source: 'manual' },
      { kind: 'serial', value: 'SN-H', fromAt: 't1', toAt: null, source: 'manual' },
      { kind: 'ip', value: '127.60.4.2', fromAt: 't2', toAt: null, source: 'discovery' },
      { kind: 'hostname', value: 'h-1', fromAt: 't2', toAt: null, source: 'discovery' },
    ]);
  });
});

describe('openIdentityReview', () => {
  it('stores the observation in normalised form with the candidates and the reason, and reuses an open review of the same observation', () => {
    const review = {
      source: 'discovery' as const,
      observed: { serial: ' SN1 ', mac: 'aa-bb-cc-00-00-03', model: 'Antminer S21' },
      candidateIds: [id('A-003'), id('A-001')],
      reason: 'Conflict.',
    };
    const reviewId = openIdentityReview(t.db, review, 't3');
    expect(t.db.select().from(minerIdentityReviews).where(eq(minerIdentityReviews.id, reviewId)).get()).toMatchObject({
      createdAt: 't3',
      source: 'discovery',
      candidateIdsJson: JSON.stringify([id('A-003'), id('A-001')]),
      reason: 'Conflict.',
      status: 'open',
      resolvedMinerId: null,
    });
    const stored = t.db.select().from(minerIdentityReviews).where(eq(minerIdentityReviews.id, reviewId)).get();
    expect(JSON.parse(stored?.observedJson ?? '')).toEqual({ serial: 'SN1', mac: 'AA:BB:CC:00:00:03', model: 'Antminer S21' });
    // The next scan sees the same machine: no second review.
    expect(openIdentityReview(t.db, { ...review, observed: { ...review.observed, mac: 'AABBCC000003' } }, 't4')).toBe(reviewId);
    expect(t.db.select().from(minerIdentityReviews).all()).toHaveLength(1);
  });
});
