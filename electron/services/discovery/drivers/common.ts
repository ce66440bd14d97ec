import type { JsonValue } from '../transport/json-repair';
import { DEFAULT_LIMITS, type Failure, type LimitOptions, type Outcome } from '../transport/outcome';
import { rpcCalls, type RpcOptions } from '../transport/rpc-client';
import type { DriverOptions, DriverResult, PoolConfig, PortOverrides, Telemetry } from './types';

/** Limits for one driver operation: the whole operation, however many requests, ends by one deadline. */
export function opLimits(opts: DriverOptions | undefined): LimitOptions {
  const timeoutMs = opts?.timeoutMs ?? DEFAULT_LIMITS.timeoutMs;
  return {
    connectTimeoutMs: opts?.connectTimeoutMs,
    timeoutMs,
    maxBytes: opts?.maxBytes,
    signal: opts?.signal,
    deadline: opts?.deadline ?? Date.now() + timeoutMs,
  };
}

export function portOf(opts: DriverOptions | undefined, key: keyof PortOverrides, fallback: number): number {
  return opts?.ports?.[key] ?? fallback;
}

/**
 * Read tasks for `gather`, one per command, all answered by one joined exchange (rpcCalls) started by the
 * first task run; commands whose reply is `known` already are not asked.
 */
export function rpcTasks<C extends string>(
  host: string,
  commands: readonly C[],
  opts: RpcOptions,
  known: Partial<Record<C, JsonValue>> = {},
): Record<C, () => Promise<Outcome<JsonValue>>> {
  const asked = commands.filter((command) => known[command] === undefined);
  let replies: Promise<Record<C, Outcome<JsonValue>>> | null = null;
  const tasks = {} as Record<C, () => Promise<Outcome<JsonValue>>>;
  for (const command of commands) tasks[command] = () => knownOr(known[command], () => (replies ??= rpcCalls(host, asked, opts)).then((r) => r[command]));
  return tasks;
}

/** A reply identification already has, or the request that gets it. */
export function knownOr(known: JsonValue | undefined, ask: () => Promise<Outcome<JsonValue>>): Promise<Outcome<JsonValue>> {
  return known === undefined ? ask() : Promise.resolve({ ok: true, value: known });
}

/** Runs several reads at once; keeps every reply that worked and every failure by name. */
export async function gather<K extends string>(
  tasks: Record<K, () => Promise<Outcome<JsonValue>>>,
): Promise<{ replies: Partial<Record<K, JsonValue>>; failures: Partial<Record<K, Failure>> }> {
  const keys = Object.keys(tasks) as K[];
  const results = await Promise.all(keys.map((k) => tasks[k]()));
  const replies: Partial<Record<K, JsonValue>> = {};
  const failures: Partial<Record<K, Failure>> = {};
  keys.forEach((k, i) => {
    const r = results[i];
    if (r.ok) replies[k] = r.value;
    else failures[k] = r;
  });
  return { replies, failures };
}

/** Notes for the optional reads that failed, so a partial reading says what is missing. */
export function failureNotes(failures: Partial<Record<string, Failure>>): string[] {
  return Object.entries(failures)
    .filter((e): e is [string, Failure] => e[1] !== undefined)
    .map(([name, f]) => `Could not read ${name}: ${f.message}`);
}

export function emptyTelemetry(): Telemetry {
  return {
    hashrateGhs: null,
    nominalHashrateGhs: null,
    boards: [],
    tempMaxC: null,
    fansRpm: [],
    pools: [],
    powerW: null,
    powerSource: null,
    uptimeS: null,
    errors: [],
  };
}

export const done: DriverResult<void> = { ok: true, value: undefined };

/**
 * Checks a pool list before anything is sent: one to three pools, each with a stratum URL and a
 * worker name, no control characters, and no commas where the family joins fields with commas.
 */
export function checkPools(pools: PoolConfig[], opts: { commaSeparated?: boolean; max?: number } = {}): DriverResult<PoolConfig[]> {
  const max = opts.max ?? 3;
  if (!Array.isArray(pools) || pools.length === 0) return { ok: false, state: 'bad_input', message: 'Give at least one pool.' };
  if (pools.length > max) return { ok: false, state: 'bad_input', message: `This miner takes at most ${max} pools; ${pools.length} were given.` };
  const out: PoolConfig[] = [];
  for (const [i, p] of pools.entries()) {
    const n = i + 1;
    const url = typeof p?.url === 'string' ? p.url.trim() : '';
    const user = typeof p?.user === 'string' ? p.user.trim() : '';
    const password = typeof p?.password === 'string' ? p.password : '';
    if (!/^(stratum\+(tcp|ssl|tls)|stratum2\+tcp|stratum):\/\/[^\s/:@,]+(:\d{1,5})?\/?$/i.test(url)) {
      return { ok: false, state: 'bad_input', message: `Pool ${n}: the URL must look like stratum+tcp://host:port.` };
    }
    if (user === '') return { ok: false, state: 'bad_input', message: `Pool ${n}: the worker name is empty.` };
    // eslint-disable-next-line no-control-regex
    if ([url, user, password].some((s) => /[\u0000-\u001f\u007f]/.test(s)))
      return { ok: false, state: 'bad_input', message: `Pool ${n}: control characters are not allowed.` };
    if (opts.commaSeparated && [url, user, password].some((s) => s.includes(','))) {
      return { ok: false, state: 'bad_input', message: `Pool ${n}: this miner's API separates fields with commas, so commas are not allowed.` };
    }
    if (user.length > 256 || password.length > 256 || url.length > 512) return { ok: false, state: 'bad_input', message: `Pool ${n}: a field is too long.` };
    out.push({ url, user, password: password === '' ? 'x' : password });
  }
  return { ok: true, value: out };
}

/** Splits stratum+tcp://host:port into host and port (Bitaxe stores them apart). */
export function splitPoolUrl(url: string): { host: string; port: number | null } {
  const m = /^[a-z0-9+]+:\/\/([^\s/:]+)(?::(\d{1,5}))?/i.exec(url);
  if (!m) return { host: url, port: null };
  return { host: m[1], port: m[2] ? Number(m[2]) : null };
}
