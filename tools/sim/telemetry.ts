// Turns a recorded fixture into this miner's live reading: hashrate, temperatures, fans, power,
// uptime and timestamps follow the miner (its model, spread, uptime and the clock), so no two
// miners report the same figures and a rebooted miner starts again from zero.
import { uptimeSeconds, type SimMiner } from './miner';

export type FixtureBaseline = { ths: number; powerW: number };

export type LiveScales = { hash: number; nominal: number; temp: number; fan: number; power: number; uptimeS: number; nowS: number };

/** Hashrate ramps up over the first minute after boot and wobbles by ±2 % over a few minutes. */
export function liveScales(miner: SimMiner, baseline: FixtureBaseline, nowMs = Date.now()): LiveScales {
  const uptimeS = uptimeSeconds(miner, nowMs);
  const nominal = miner.identity.nominalThs / baseline.ths;
  const ramp = Math.min(1, uptimeS / 60);
  const wobble = 1 + 0.02 * Math.sin(nowMs / 90_000 + miner.spread.phase);
  return {
    hash: nominal * miner.spread.hashFactor * wobble * ramp,
    nominal,
    temp: miner.spread.tempOffsetC,
    fan: miner.spread.fanFactor,
    power: (miner.identity.nominalPowerW / baseline.powerW) * (0.97 + 0.03 * ramp),
    uptimeS,
    nowS: Math.floor(nowMs / 1000),
  };
}

type Rule = { test: RegExp; apply: (value: number, live: LiveScales) => number };

// Keys are matched case-insensitively on the field name alone; the order matters (first wins).
const rules: Rule[] = [
  { test: /^(when|last getwork|last share time|last valid work)$/, apply: (v, l) => (v > 1e9 ? l.nowS : v) },
  { test: /^(elapsed|uptime|uptimeseconds|device elapsed|bosminer_uptime_s|system_uptime|system_uptime_s)$/, apply: (_v, l) => l.uptimeS },
  { test: /nominal|factory|ideal|sticker|^ghsmm$|default hashrate|^ths$|target mhs/, apply: (v, l) => round(v * l.nominal) },
  {
    test: /(^|[ _-])(ghs|mhs|ths)([ _-]|$)|^(ghs|mhs|ths)|hs rt|hashrate|hash-(realtime|average|1min|15min)|^chain_rate\d$|gigahash_per_second|total mh/,
    apply: (v, l) => round(v * l.hash),
  },
  { test: /temp|^tmax$|^tavg$|^degree_c$/, apply: (v, l) => (v > 0 && v < 150 ? round(v + l.temp) : v) },
  { test: /rpm|^fan\d$|fan speed (in|out)|fan-speed-(in|out)|^fans speed \d+$/, apply: (v, l) => (v > 0 ? Math.round(v * l.fan) : v) },
  { test: /^(power|watts|power_rt|power-realtime|power-5min|input power|watt)$/, apply: (v, l) => (v > 0 ? round(v * l.power) : v) },
];

const ruleCache = new Map<string, Rule | null>();

function ruleFor(key: string): Rule | null {
  let rule = ruleCache.get(key);
  if (rule === undefined) {
    const lower = key.toLowerCase();
    rule = rules.find((candidate) => candidate.test.test(lower)) ?? null;
    ruleCache.set(key, rule);
  }
  return rule;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Rewrites live fields in place (numbers, and numbers written as strings such as "37603.30"). */
export function applyLive<T>(value: T, live: LiveScales): T {
  walk(value as unknown, live);
  return value;
}

function walk(node: unknown, live: LiveScales): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, live);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const current = record[key];
    if (typeof current === 'object') {
      walk(current, live);
      continue;
    }
    const rule = ruleFor(key);
    if (!rule) continue;
    if (typeof current === 'number') record[key] = rule.apply(current, live);
    else if (typeof current === 'string' && /^-?\d+(\.\d+)?$/.test(current)) {
      const decimals = current.includes('.') ? current.split('.')[1].length : 0;
      record[key] = rule.apply(Number(current), live).toFixed(decimals);
    }
  }
}
