import { parseMinerJson, type JsonValue } from './json-repair';
import { fail, ok, resolveLimits, type Failure, type LimitOptions, type Outcome } from './outcome';
import { tcpExchange, type Framer } from './tcp';

export const RPC_PORT = 4028;

/** cgminer framing: the reply ends at the first NUL byte or when the miner closes. */
const nulOrClose: Framer = Object.assign(
  (received: Buffer, ended: boolean) => {
    const nul = received.indexOf(0);
    if (nul >= 0) return { done: true as const, body: received.subarray(0, nul) };
    if (ended && received.length > 0) return { done: true as const, body: received };
    return { done: false as const };
  },
  { hint: (chunk: Buffer) => chunk.includes(0) },
);

/** Sends one JSON request to a CGMiner-style RPC port and returns the raw reply text (NUL stripped). */
export async function rpcExchange(host: string, port: number, request: object, opts?: LimitOptions): Promise<Outcome<string>> {
  const limits = resolveLimits(opts);
  const res = await tcpExchange(host, port, Buffer.from(JSON.stringify(request), 'utf8'), limits, nulOrClose);
  if (!res.ok) return res;
  const text = res.value.toString('utf8');
  if (/^HTTP\/\d/.test(text)) return fail('http', `${host}:${port} answered with HTTP, not the miner RPC protocol.`);
  if (text.trim() === '') return fail('empty', `${host}:${port} sent an empty reply.`);
  return ok(text);
}

/** The command name and optional parameter, as cgminer expects them. */
export function rpcRequest(command: string, parameter?: string | number | boolean | object): object {
  return parameter === undefined ? { command } : { command, parameter };
}

/** Reads the status of a cgminer or btminer reply: array form `STATUS[0].STATUS` or string form `STATUS`. */
export function rpcStatus(value: JsonValue): { status: string | null; message: string | null } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { status: null, message: null };
  const raw = value.STATUS;
  if (typeof raw === 'string') {
    const msg = value.Msg;
    return { status: raw, message: typeof msg === 'string' ? msg : null };
  }
  if (Array.isArray(raw) && raw.length > 0) {
    const first = raw[0];
    if (typeof first === 'object' && first !== null && !Array.isArray(first)) {
      const st = first.STATUS;
      const msg = first.Msg;
      return { status: typeof st === 'string' ? st : null, message: typeof msg === 'string' ? msg : null };
    }
  }
  return { status: null, message: null };
}

/** Checks the status of a decoded reply: S (success) and I (info) pass, anything else is the miner's refusal. */
function checkRpcStatus(value: JsonValue, what: string): Outcome<JsonValue> {
  const { status, message } = rpcStatus(value);
  if (status !== null && status !== 'S' && status !== 'I') {
    return fail('api_error', `${what}: the miner answered ${status}${message ? ` (${message})` : ''}.`);
  }
  return ok(value);
}

/** Parses a raw reply (repairing malformed JSON) and checks its status; used by every RPC family. */
export function readRpcReply(text: string, what: string): Outcome<JsonValue> {
  const parsed = parseMinerJson(text);
  if (!parsed.ok) return fail('garbage', `${what}: ${parsed.message}`);
  return checkRpcStatus(parsed.value, what);
}

/** Sends a command and returns the repaired, status-checked JSON reply. */
export async function rpcCall(host: string, command: string, parameter?: string | number | boolean | object, opts?: RpcOptions): Promise<Outcome<JsonValue>> {
  const port = opts?.port ?? RPC_PORT;
  const res = await rpcExchange(host, port, rpcRequest(command, parameter), opts);
  if (!res.ok) return res;
  return readRpcReply(res.value, `"${command}" on ${host}:${port}`);
}

export type RpcOptions = LimitOptions & { port?: number };

export type RpcFailure = Failure;

/** Failures of a joined exchange that firmware without joined commands gives; others (silence, resets) would only repeat. */
const notJoinable: readonly Failure['state'][] = ['garbage', 'api_error', 'empty'];

/**
 * Several read commands in one exchange, CGMiner's joined form: `{"command":"summary+pools"}` answers
 * `{"summary":[reply],"pools":[reply]}`. One connection instead of one a command, on the miner and here.
 * Firmware that does not join commands answers with an error or leaves parts out; those are asked one by one.
 */
export async function rpcCalls<C extends string>(host: string, commands: readonly C[], opts?: RpcOptions): Promise<Record<C, Outcome<JsonValue>>> {
  const port = opts?.port ?? RPC_PORT;
  const out = {} as Record<C, Outcome<JsonValue>>;
  const joined = commands.length > 1 ? await rpcExchange(host, port, { command: commands.join('+') }, opts) : null;
  if (joined && !joined.ok && !notJoinable.includes(joined.state)) {
    for (const command of commands) out[command] = joined;
    return out;
  }
  const parsed = joined?.ok ? parseMinerJson(joined.value) : null;
  const value = parsed?.ok && typeof parsed.value === 'object' && parsed.value !== null && !Array.isArray(parsed.value) ? parsed.value : null;
  const alone: C[] = [];
  for (const command of commands) {
    const part = value?.[command];
    const reply = Array.isArray(part) ? part[0] : undefined;
    if (reply !== undefined && reply !== null && typeof reply === 'object') out[command] = checkRpcStatus(reply, `"${command}" on ${host}:${port}`);
    else alone.push(command);
  }
  await Promise.all(alone.map(async (command) => (out[command] = await rpcCall(host, command, undefined, opts))));
  return out;
}
