// Pieces every family shares: the family definition, CGMiner-style commands and statuses,
// identities and the pools table.
import type { HttpReply, HttpRequest } from '../connection';
import type { FixtureBaseline } from '../telemetry';
import type { MinerIdentity, SimMiner, SimPool } from '../miner';
import type { Dice } from '../seed';

/** `api` limits a model to one API generation of its family. */
export type ModelSpec = { model: string; ths: number; watts: number; api?: string };

export type PortSpec =
  | { port: number; framing: 'cgminer'; nul?: boolean; answer: (miner: SimMiner, request: RpcRequest) => unknown }
  | { port: number; framing: 'length-prefixed'; answer: (miner: SimMiner, request: Record<string, unknown>) => unknown }
  | { port: number; framing: 'http'; answer: (miner: SimMiner, request: HttpRequest) => HttpReply };

export type FamilyDefinition = {
  name: string;
  /** API generations a host of this family is drawn from (Whatsminer v1/v2/v3); one for most. */
  apis: readonly string[];
  baseline: FixtureBaseline;
  models: readonly ModelSpec[];
  identity(dice: Dice, index: number, fleet: Salted, api: string, model: ModelSpec): Omit<MinerIdentity, 'nominalThs' | 'nominalPowerW' | 'model' | 'worker'>;
  ports(api: string): PortSpec[];
};

/** A CGMiner request: `{"command":"summary","parameter":""}`, `{"cmd":…}` or the plain `summary|param` form. */
export type RpcRequest = { command: string; parameter: string; body: Record<string, unknown> };

export function readRpcRequest(parsed: unknown, rawText: string): RpcRequest | null {
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    const body = parsed as Record<string, unknown>;
    // An object without a command is still a request (Whatsminer's encrypted `{"enc":1,"data":…}`).
    const command = body.command ?? body.cmd ?? '';
    if (typeof command !== 'string') return null;
    const parameter = body.parameter ?? body.param ?? '';
    return { command: command.trim(), parameter: typeof parameter === 'string' ? parameter : JSON.stringify(parameter), body };
  }
  if (parsed !== null) return null;
  const [command, ...rest] = rawText.split('|');
  return { command: command.trim(), parameter: rest.join('|'), body: {} };
}

export function cgminerStatus(status: 'S' | 'I' | 'E', code: number, msg: string, description: string) {
  return { STATUS: [{ STATUS: status, When: Math.floor(Date.now() / 1000), Code: code, Msg: msg, Description: description }], id: 1 };
}

export function invalidCommand(description: string) {
  return cgminerStatus('E', 14, 'Invalid command', description);
}

/**
 * Answers `a+b` multi-commands the CGMiner way, `{"a":[replyA],"b":[replyB]}`, and single ones as is.
 * `one` returns undefined for an unknown command.
 */
export function answerRpc(request: RpcRequest, description: string, one: (command: string) => unknown): unknown {
  const commands = request.command.split('+').filter(Boolean);
  if (commands.length <= 1) return one(request.command) ?? invalidCommand(description);
  const combined: Record<string, unknown> = {};
  for (const command of commands) combined[command] = [one(command) ?? invalidCommand(description)];
  return combined;
}

/** Fleet-wide salt so MACs and serials differ between seeds but never repeat inside one fleet. */
export type Salted = { salt: number };

export function macAddress(prefix: string, index: number, fleet: Salted, lowerCase = false): string {
  // Multiplying by an odd number is a bijection modulo 2^24: distinct indexes give distinct MACs.
  const low = (Math.imul(index, 0x9e3779b1) + fleet.salt) & 0xffffff;
  const bytes = [low >>> 16, (low >>> 8) & 255, low & 255].map((b) => b.toString(16).padStart(2, '0'));
  const text = `${prefix}:${bytes.join(':')}`;
  return lowerCase ? text.toLowerCase() : text.toUpperCase();
}

const serialAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

/** A serial in the family's style; its last five characters are unique inside the fleet. */
export function serialNumber(dice: Dice, prefix: string, randomLength: number, index: number, fleet: Salted): string {
  // 48271 is prime to 36^5, so the scrambled index part is distinct for up to 60 million miners.
  const unique = ((index * 48271 + fleet.salt) % 36 ** 5).toString(36).toUpperCase().padStart(5, '0');
  return prefix + dice.text('serial', serialAlphabet, randomLength) + unique;
}

/** A hexadecimal serial (chip DNA, CPU serial); its last six digits are unique inside the fleet. */
export function hexSerial(dice: Dice, prefix: string, randomLength: number, index: number, fleet: Salted): string {
  const unique = ((Math.imul(index, 48271) + fleet.salt) & 0xffffff).toString(16).padStart(6, '0');
  return prefix + dice.text('serial', '0123456789abcdef', randomLength) + unique;
}

export function hostname(prefix: string, index: number): string {
  return `${prefix}-${String(index + 1).padStart(5, '0')}`;
}

/** The pools table of CGMiner-family firmware, one row per configured pool, rows shaped like the fixture's first. */
export function cgminerPools(template: Record<string, unknown>, pools: SimPool[]): Record<string, unknown>[] {
  return pools.map((pool, i) => ({
    ...template,
    POOL: pool.id ?? i,
    Priority: i,
    URL: pool.url,
    'Stratum URL': pool.url.replace(/^stratum\+tcp:\/\//, ''),
    User: pool.user,
    Status: 'Alive',
    'Stratum Active': i === 0,
    ...(i > 0 ? { Accepted: 0, Rejected: 0 } : {}),
  }));
}

export function json(status: number, body: unknown, headers?: Record<string, string>): HttpReply {
  return { status, headers, body: JSON.stringify(body) };
}

export function parseBody(request: HttpRequest): Record<string, unknown> | null {
  try {
    const parsed = JSON.parse(request.body) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export const notFound: HttpReply = { status: 404, headers: { 'Content-Type': 'text/plain' }, body: 'Not Found' };
