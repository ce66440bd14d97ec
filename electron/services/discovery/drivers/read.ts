/**
 * Defensive readers over decoded miner JSON. Every function accepts anything (the fuzz test feeds
 * mutated replies) and returns null or an empty list rather than throwing.
 */
import type { JsonValue } from '../transport/json-repair';
import type { PoolState, PoolStatus } from './types';

export type Obj = { [key: string]: JsonValue };

export function obj(v: unknown): Obj | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : null;
}

export function arr(v: unknown): JsonValue[] {
  return Array.isArray(v) ? (v as JsonValue[]) : [];
}

/** Follows a path of keys and indexes; null as soon as a step is missing. */
export function at(v: unknown, ...path: (string | number)[]): JsonValue | null {
  let cur: unknown = v;
  for (const step of path) {
    if (typeof step === 'number') {
      if (!Array.isArray(cur) || step < 0 || step >= cur.length) return null;
      cur = cur[step];
    } else {
      const o = obj(cur);
      if (!o || !Object.prototype.hasOwnProperty.call(o, step)) return null;
      cur = o[step];
    }
  }
  return cur === undefined ? null : (cur as JsonValue);
}

/** A finite number from a number or a numeric string ("37603.30", " 12 "); otherwise null. */
export function num(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') {
    if (v.length > 64) return null; // no real reading is that long; keeps the check cheap on hostile input
    const t = v.trim();
    if (!/^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/.test(t)) return null;
    const n = Number(t);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** The leading number of a string with a unit ("58.94W", "4052.00 RPM", "245.00V"). */
export function numWithUnit(v: unknown): number | null {
  const direct = num(v);
  if (direct !== null) return direct;
  if (typeof v !== 'string' || v.length > 64) return null;
  const m = /^\s*([-+]?\d+(?:\.\d+)?)\s*[A-Za-z%°]*\s*$/.exec(v);
  return m ? num(m[1]) : null;
}

/** A rounded integer, or null. Values past ±1e15 are refused as nonsense. */
export function int(v: unknown): number | null {
  const n = num(v);
  if (n === null || Math.abs(n) > 1e15) return null;
  return Math.round(n);
}

export function str(v: unknown): string | null {
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? null : t;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

export function bool(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'Y' || v === 1) return true;
  if (v === 'false' || v === 'N' || v === 0) return false;
  return null;
}

const UNIT_TO_GH: Record<string, number> = { H: 1e-9, KH: 1e-6, MH: 1e-3, GH: 1, TH: 1e3, PH: 1e6 };

/** Converts a hashrate in the given unit to whole GH/s; negative or absurd values become null. */
export function toGhs(value: unknown, unit: 'H' | 'KH' | 'MH' | 'GH' | 'TH' | 'PH'): number | null {
  const n = num(value);
  if (n === null || n < 0) return null;
  const gh = n * UNIT_TO_GH[unit];
  return gh > 1e12 ? null : Math.round(gh);
}

/** Parses a unit name as firmware writes it ("GH", "GH/s", "TH/s", "mh") to a known unit, default GH. */
export function hashUnit(v: unknown, fallback: 'MH' | 'GH' | 'TH' = 'GH'): 'H' | 'KH' | 'MH' | 'GH' | 'TH' | 'PH' {
  const s =
    typeof v === 'string'
      ? v
          .trim()
          .toUpperCase()
          .replace(/\/S$|S$/, '')
      : '';
  if (s === 'H' || s === 'KH' || s === 'MH' || s === 'GH' || s === 'TH' || s === 'PH') return s;
  return fallback;
}

/** A temperature in whole °C; readings outside −40…200 are sensor noise and dropped. */
export function tempC(v: unknown): number | null {
  const n = num(v);
  if (n === null || n < -40 || n > 200) return null;
  return Math.round(n);
}

export function rpm(v: unknown): number | null {
  const n = numWithUnit(v);
  if (n === null || n < 0 || n > 100_000) return null;
  return Math.round(n);
}

export function watts(v: unknown): number | null {
  const n = numWithUnit(v);
  if (n === null || n < 0 || n > 1_000_000) return null;
  return Math.round(n);
}

export function seconds(v: unknown): number | null {
  const n = num(v);
  if (n === null || n < 0 || n > 1e11) return null;
  return Math.round(n);
}

export function maxOf(values: (number | null | undefined)[]): number | null {
  let best: number | null = null;
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v) && (best === null || v > best)) best = v;
  return best;
}

export function sumOf(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0);
}

/** "78-50-69-70" or "78 50 69" → [78, 50, 69, 70]. */
export function numberList(v: unknown): number[] {
  if (Array.isArray(v)) return v.map(num).filter((n): n is number => n !== null);
  if (typeof v !== 'string') return [];
  return v
    .split(/[\s,-]+/)
    .map(num)
    .filter((n): n is number => n !== null);
}

/** A MAC as AA:BB:CC:DD:EE:FF, or null when the text is not a MAC. */
export function mac(v: unknown): string | null {
  const s = str(v);
  if (!s) return null;
  const hex = s.replace(/[:\-.]/g, '');
  if (!/^[0-9a-fA-F]{12}$/.test(hex)) return null;
  return hex.toUpperCase().match(/.{2}/g)!.join(':');
}

/** The maker of a model name ("Antminer S19 Pro" → "Bitmain"). */
export function makeFromModel(model: string | null): string | null {
  if (!model) return null;
  const m = model.toLowerCase();
  if (m.includes('antminer') || m.startsWith('bitmain')) return 'Bitmain';
  if (m.includes('whatsminer') || /^m\d{2}/.test(m)) return 'MicroBT';
  if (m.includes('avalon')) return 'Canaan';
  if (m.includes('bitaxe')) return 'Bitaxe';
  if (m.startsWith('at') || m.startsWith('ai') || m.includes('teraflux')) return 'Auradine';
  return null;
}

export function poolState(active: boolean | null, statusText: string | null): PoolState {
  const s = statusText?.toLowerCase() ?? '';
  if (s === 'disabled') return 'disabled';
  if (s === 'dead' || s === 'rejecting') return active ? 'active' : 'dead';
  if (active) return 'active';
  if (s === 'alive') return 'alive';
  return 'unknown';
}

/** cgminer `POOLS[]` (Antminer, Whatsminer v1/v2, LuxOS, Avalon, Auradine). Entries without a URL are skipped. */
export function cgminerPools(reply: unknown): PoolStatus[] {
  const out: PoolStatus[] = [];
  for (const p of arr(at(reply, 'POOLS'))) {
    const url = str(at(p, 'URL'));
    if (!url) continue;
    out.push({ url, user: str(at(p, 'User')) ?? '', status: poolState(bool(at(p, 'Stratum Active')), str(at(p, 'Status'))) });
  }
  return out;
}

/** The first entry of a cgminer section (`SUMMARY[0]`, `VERSION[0]`…), or null. */
export function section(reply: unknown, name: string): Obj | null {
  return obj(at(reply, name, 0));
}

/** Hashrate of a cgminer SUMMARY/DEVS entry in GH/s: GHS 5s, then GHS av, then MHS 5s, MHS av. */
export function cgminerHashrateGhs(entry: unknown): number | null {
  for (const key of ['GHS 5s', 'GHS av']) {
    const v = toGhs(at(entry, key), 'GH');
    if (v !== null) return v;
  }
  for (const key of ['MHS 5s', 'MHS 1m', 'MHS av']) {
    const v = toGhs(at(entry, key), 'MH');
    if (v !== null) return v;
  }
  return null;
}

export function uniq(list: string[], cap = 20): string[] {
  return [...new Set(list)].slice(0, cap);
}
