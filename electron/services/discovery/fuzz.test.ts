/**
 * Feeds 10,000 mutated fixture replies through the JSON reader, the reply checks, the framers and every
 * family's parsers. Zero exceptions may escape. The PRNG is seeded, so a failure names the iteration and
 * can be replayed with FUZZ_SEED / FUZZ_ONLY.
 */
import { describe, expect, it } from 'vitest';
import { familyFromRpcVersion, isWhatsminerGetVersion } from './drivers';
import { parseAntminerIdentity, parseAntminerTelemetry } from './drivers/antminer';
import { parseAuradineIdentity, parseAuradineTelemetry } from './drivers/auradine';
import { parseAvalonIdentity, parseAvalonKv, parseAvalonTelemetry } from './drivers/avalon';
import { isBitaxeInfo, parseBitaxeIdentity, parseBitaxeTelemetry } from './drivers/bitaxe';
import { isBraiinsPage, parseBraiinsIdentity, parseBraiinsTelemetry } from './drivers/braiins';
import { parseEpicIdentity, parseEpicTelemetry } from './drivers/epic';
import { parseLuxosIdentity, parseLuxosTelemetry } from './drivers/luxos';
import { parseWhatsminerV2Identity, parseWhatsminerV2Telemetry, parseWhatsminerV3Identity, parseWhatsminerV3Telemetry } from './drivers/whatsminer';
import { allFixtures } from './test-fixtures';
import { parseMinerJson, type JsonValue } from './transport/json-repair';
import { readRpcReply, rpcStatus } from './transport/rpc-client';
import { wm3Framer } from './transport/whatsminer-v3';

const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed_2026);

/** mulberry32: small, fast, seedable. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)];
  return { next, int, pick };
}
type Rng = ReturnType<typeof prng>;

const GARBAGE = [
  '\0',
  '}{',
  ',',
  ',,',
  ']',
  '[',
  '{',
  '}',
  '"',
  ':',
  'inf',
  '-inf',
  'nan',
  'NaN',
  '\\',
  '\\u12',
  '\n',
  '\u00ff',
  '\ud800',
  'null',
  '1e999',
  '-',
  '9'.repeat(400),
];

/** Odd values that replace parts of a decoded reply. */
function oddValue(r: Rng, depth = 0): JsonValue {
  switch (r.int(14)) {
    case 0:
      return null;
    case 1:
      return r.pick([0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.1, 1e-320]);
    case 2:
      return r.pick(['', 'x', 'inf', 'nan', '-', '12abc', ' 42 ', 'AA:BB', '78-50-x-70', 'Ver[Q-1] PS[0 1 2 3 x 5]', "'STATS':{GHSspd[abc] MGHS[1 2 x]}"]);
    case 3:
      return [];
    case 4:
      return {};
    case 5:
      return 'x'.repeat(r.int(4_000));
    case 6:
      return Array.from({ length: r.int(depth === 0 ? 40 : 6) }, () => (depth < 3 ? oddValue(r, depth + 1) : null));
    case 7:
      return Object.fromEntries(Array.from({ length: r.int(depth === 0 ? 10 : 4) }, (_, i) => [`k${i}`, depth < 3 ? oddValue(r, depth + 1) : 1]));
    case 8: {
      let v: JsonValue = 1;
      for (let i = 0; i < r.int(150); i++) v = [v];
      return v;
    }
    case 9:
      return true;
    case 10:
      return { __proto__: { polluted: true } } as unknown as JsonValue;
    case 11:
      return [{ STATUS: r.pick(['S', 'E', 5, null]) }];
    case 12:
      return r.pick(['true', 'false', 'Y', 'N']);
    default:
      return r.int(100000) / r.pick([1, 7, 1000]);
  }
}

/** Walks a decoded value and replaces, deletes or retypes random nodes. */
function mutateValue(r: Rng, v: JsonValue, rate: number): JsonValue {
  if (r.next() < rate) return oddValue(r);
  if (Array.isArray(v)) {
    const out = v.map((x) => mutateValue(r, x, rate));
    if (r.next() < rate) out.splice(r.int(out.length + 1), 0, oddValue(r));
    return out;
  }
  if (v && typeof v === 'object') {
    const out: { [k: string]: JsonValue } = {};
    for (const [k, x] of Object.entries(v)) {
      if (r.next() < rate / 2) continue; // key deleted
      out[r.next() < rate / 4 ? k.toUpperCase() : k] = mutateValue(r, x, rate);
    }
    return out;
  }
  return v;
}

/** Decoded fixtures, so structural mutations of an unchanged reply skip a parse. */
const decoded = new Map<string, JsonValue>();

function mutateText(r: Rng, text: string): { text: string; how: string } {
  // Structural mutations keep the reply readable and so reach the parsers: give them about 40 %.
  const kind = r.next() < 0.4 ? 6 : r.int(6);
  switch (kind) {
    case 0: {
      // byte flips
      const bytes = Buffer.from(text, 'utf8');
      for (let i = 0, n = 1 + r.int(10); i < n && bytes.length; i++) bytes[r.int(bytes.length)] ^= 1 << r.int(8);
      return { text: bytes.toString('utf8'), how: 'flip' };
    }
    case 1:
      return { text: text.slice(0, r.int(text.length + 1)), how: 'truncate' };
    case 2: {
      const a = r.int(text.length + 1);
      const b = Math.min(text.length, a + r.int(2000));
      const at = r.int(text.length + 1);
      return { text: text.slice(0, at) + text.slice(a, b) + text.slice(at), how: 'duplicate' };
    }
    case 3: {
      let t = text;
      for (let i = 0, n = 1 + r.int(5); i < n; i++) {
        const at = r.int(t.length + 1);
        t = t.slice(0, at) + r.pick(GARBAGE) + t.slice(at);
      }
      return { text: t, how: 'garbage' };
    }
    case 4: {
      // deep nesting around a random position
      const depth = r.int(600);
      const open = r.next() < 0.5 ? '['.repeat(depth) : '{"a":'.repeat(depth);
      const close = open.startsWith('[') ? ']'.repeat(depth) : '}'.repeat(depth);
      const colon = text.indexOf(':', r.int(text.length));
      if (colon < 0) return { text: open + text + close, how: 'nest' };
      return { text: text.slice(0, colon + 1) + open + '1' + close + ',"z":' + text.slice(colon + 1), how: 'nest' };
    }
    case 5:
      return { text: text.replace(/\},\s*\{/g, '}{').replace(/(\d)(\s*[}\]])/g, '$1,$2') + '\0', how: 'cgminer-quirks' };
    default: {
      let value = decoded.get(text);
      if (value === undefined) {
        const parsed = parseMinerJson(text);
        if (!parsed.ok) return { text, how: 'none' };
        value = parsed.value;
      }
      return { text: JSON.stringify(mutateValue(r, value, 0.02 + r.next() * 0.2)), how: 'structure' };
    }
  }
}

/** Every parser of every family, with the value in every reply slot. */
function runAllParsers(v: JsonValue, text: string) {
  parseAntminerIdentity({ version: v, systemInfo: v, stats: v });
  parseAntminerTelemetry({ summary: v, stats: v, pools: v });
  parseWhatsminerV2Identity({ getVersion: v, devdetails: v, minerInfo: v, summary: v });
  parseWhatsminerV2Telemetry({ summary: v, devs: v, pools: v, errorCode: v });
  parseWhatsminerV3Identity({ deviceInfo: v, summary: v });
  parseWhatsminerV3Telemetry({ deviceInfo: v, summary: v, pools: v, edevs: v });
  parseLuxosIdentity({ version: v, config: v });
  parseLuxosTelemetry({ summary: v, devs: v, temps: v, fans: v, power: v, pools: v, config: v });
  parseBraiinsIdentity({ details: v, network: v });
  parseBraiinsTelemetry({ details: v, stats: v, hashboards: v, cooling: v, pools: v, errors: v });
  parseAvalonIdentity({ version: v, stats: v });
  parseAvalonTelemetry({ stats: v, summary: v, pools: v });
  isBitaxeInfo(v);
  parseBitaxeIdentity(v);
  parseBitaxeTelemetry(v);
  parseEpicIdentity({ summary: v, capabilities: v, network: v });
  parseEpicTelemetry({ summary: v, capabilities: v, temps: v });
  parseAuradineIdentity({ version: v, ipreport: v, mode: v });
  parseAuradineTelemetry({ summary: v, devs: v, pools: v, fan: v, psu: v, temperature: v, mode: v, ipreport: v });
  rpcStatus(v);
  familyFromRpcVersion(text, v);
  isWhatsminerGetVersion(v);
}

describe('fuzz: mutated fixture replies through every parser', () => {
  it(`survives ${ITERATIONS} mutated replies without an exception (seed ${SEED})`, () => {
    const fixtures = allFixtures();
    expect(fixtures.length).toBeGreaterThan(80);
    for (const [, text] of fixtures) {
      const p = parseMinerJson(text);
      if (p.ok) decoded.set(text, p.value);
    }
    const r = prng(SEED);
    const failures: string[] = [];
    let parsed = 0;
    const only = process.env.FUZZ_ONLY ? Number(process.env.FUZZ_ONLY) : null;
    for (let i = 0; i < ITERATIONS; i++) {
      const [name, original] = r.pick(fixtures);
      let text = original;
      const hows: string[] = [];
      for (let k = 0, n = 1 + r.int(3); k < n; k++) {
        const m = mutateText(r, text);
        text = m.text;
        hows.push(m.how);
      }
      if (only !== null && only !== i) continue;
      try {
        const result = parseMinerJson(text);
        if (result.ok) {
          parsed++;
          runAllParsers(result.value, text);
        }
        readRpcReply(text, name);
        parseAvalonKv(text);
        isBraiinsPage(text);
        const bytes = Buffer.from(text, 'utf8');
        wm3Framer(1024 * 1024, 'fuzz')(bytes, r.next() < 0.5);
      } catch (err) {
        failures.push(`#${i} ${name} [${hows.join('+')}]: ${err instanceof Error ? err.stack?.split('\n').slice(0, 3).join(' | ') : String(err)}`);
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
    // The mutations must leave enough readable replies for the parsers to be exercised, not just the reader.
    if (only === null) expect(parsed).toBeGreaterThan(ITERATIONS / 4);
  }, 120_000);
});
