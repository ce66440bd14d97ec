// The pure parts: loopback-only ranges, seeded identities, fixture rewriting, md5crypt and counters.
import { describe, expect, it } from 'vitest';
import { hostAddresses, parseLoopbackCidr } from './address';
import { md5crypt, v3Digest } from './families/whatsminer-crypto';
import { planMiners } from './fleet';
import { familyNames, type MinerControl } from './miner';
import { energyCounter, uint32Wrap } from './power/counter';
import { malformJson } from './quirks';

const noControl: MinerControl = { reboot: () => undefined, setPools: () => undefined };

describe('address ranges', () => {
  it('refuses anything outside 127.0.0.0/8 in plain words', () => {
    // Blocks written from a loopback address that still spread past 127.0.0.0/8: the check reads the whole block.
    for (const cidr of ['127.0.0.0/7', '127.0.0.0/6', '127.60.0.0/1', '127.60.0.0/0']) {
      expect(() => parseLoopbackCidr(cidr)).toThrow(/only runs inside 127\.0\.0\.0\/8/);
    }
    expect(() => parseLoopbackCidr('127.60.0.0')).toThrow(/not a CIDR range/);
    expect(() => parseLoopbackCidr('127.300.0.0/16')).toThrow(/not an IPv4 address/);
  });

  it('hands out host addresses without the network, broadcast and 127.0.0.1, and says when the range is too small', () => {
    expect(hostAddresses(parseLoopbackCidr('127.60.0.0/16'), 3)).toEqual(['127.60.0.1', '127.60.0.2', '127.60.0.3']);
    expect(hostAddresses(parseLoopbackCidr('127.0.0.0/30'), 1)).toEqual(['127.0.0.2']);
    expect(hostAddresses(parseLoopbackCidr('127.61.2.7/32'), 1)).toEqual(['127.61.2.7']);
    expect(() => hostAddresses(parseLoopbackCidr('127.61.0.0/24'), 255)).toThrow(/holds only 254 host addresses; 255 were asked for/);
    expect(hostAddresses(parseLoopbackCidr('127.60.0.0/16'), 65_534).at(-1)).toBe('127.60.255.254');
  });
});

describe('fleet plan', () => {
  const addresses = hostAddresses(parseLoopbackCidr('127.60.0.0/16'), 65_534);
  const plan = (seed: number, count = addresses.length) =>
    planMiners({ addresses: addresses.slice(0, count), families: familyNames, seed, quirkRate: 0, quirks: [] }, noControl, 0);

  it('gives 65,534 miners distinct serials, MACs and hostnames', () => {
    const miners = plan(1);
    const serials = miners.map((miner) => miner.identity.serial).filter((serial) => serial !== null);
    expect(serials.length).toBeGreaterThan(40_000);
    expect(new Set(serials).size).toBe(serials.length);
    expect(new Set(miners.map((miner) => miner.identity.mac)).size).toBe(miners.length);
    expect(new Set(miners.map((miner) => miner.identity.hostname)).size).toBe(miners.length);
  });

  it('is the same fleet for the same seed and another fleet for another seed', () => {
    const [a, b, c] = [plan(5, 200), plan(5, 200), plan(6, 200)].map((miners) => miners.map((miner) => miner.identity));
    expect(a).toEqual(b);
    expect(a.filter((identity, i) => identity.serial !== null && identity.serial === c[i].serial)).toEqual([]);
  });
});

describe('fixture faults and crypto', () => {
  it('malforms CGMiner JSON the three ways firmware does', () => {
    const text = malformJson('{"A":[{"x":1},{"Utility":4.8,"Work Utility":5}]}');
    expect(text).toBe('{"A":[{"x":1}{"Utility":inf,"Work Utility":nan}],}');
  });

  it('md5crypt matches `openssl passwd -1` (Whatsminer API tokens depend on it)', () => {
    expect(md5crypt('admin', 'BQ5hoXV9')).toBe('$1$BQ5hoXV9$RxmaDUO33TS7O26yeMHZ81');
    expect(md5crypt('a-much-longer-password-over-16', 'ab')).toBe('$1$ab$beLkZ6CuZUnnXluYawYEn1');
  });

  it('Whatsminer v3 tokens are the first 8 characters of base64(SHA-256(cmd+password+salt+ts))', () => {
    expect(v3Digest('set.system.reboot', 'super', 'salt1234', 1700000000).token).toBe('3Ux0KoLw'); // printf 'set.system.rebootsupersalt12341700000000' | openssl dgst -sha256 -binary | base64;
  });
});

describe('energy counter', () => {
  it('grows with the load, resets to zero and wraps at 2^32', () => {
    const counter = energyCounter(1_000, 10, 1, 0);
    expect(counter.read(0)).toBe(1_000);
    expect(counter.read(60_000)).toBe(1_600);
    counter.reset(60_000);
    expect(counter.read(61_000)).toBe(10);
    counter.rollOver(5, 61_000);
    expect(counter.read(61_000)).toBe(uint32Wrap - 50);
    expect(counter.read(65_000)).toBe(uint32Wrap - 10);
    expect(counter.read(70_000)).toBe(40);
  });

  it('runs faster with a speed factor', () => {
    expect(energyCounter(0, 1, 3600, 0).read(1_000)).toBe(3600);
  });
});
