import { parseMinerJson, type JsonValue } from './json-repair';
import { fail, formatBytes, looksLikeTls, ok, resolveLimits, type LimitOptions, type Outcome } from './outcome';
import { tcpExchange, type Framer } from './tcp';

export const WM3_PORT = 4433;

/** Whatsminer API v3 framing: a 4-byte little-endian length, then that many bytes of JSON (asic-rs backends/v3/rpc.rs). */
export function frameWm3(payload: object): Buffer {
  const body = Buffer.from(JSON.stringify(payload), 'utf8');
  const head = Buffer.alloc(4);
  head.writeUInt32LE(body.length, 0);
  return Buffer.concat([head, body]);
}

export function wm3Framer(maxBytes: number, where: string): Framer {
  let need = 4; // the length prefix first, then the whole frame once its length is known
  const framer: Framer = (received, ended) => {
    // The length prefix itself may start 16 03 (a 790-byte reply), so TLS is judged here, not by the
    // generic check: a real frame has its JSON "{" right after the prefix, a TLS record does not.
    if (received.length >= 5 && received[4] !== 0x7b && looksLikeTls(received)) {
      return { done: true, error: fail('tls', `${where} answered with TLS on the Whatsminer API port.`) };
    }
    if (received.length >= 4) {
      const len = received.readUInt32LE(0);
      if (len > maxBytes)
        return { done: true, error: fail('too_large', `${where} announced a ${formatBytes(len)} reply, over the ${formatBytes(maxBytes)} cap.`) };
      if (received.length >= 4 + len) return { done: true, body: received.subarray(4, 4 + len) };
      need = 4 + len;
    }
    if (ended && received.length > 0) return { done: true, error: fail('garbage', `${where} closed before the length-prefixed reply was complete.`) };
    return { done: false };
  };
  framer.hint = (_chunk, size) => size >= need;
  return framer;
}

export type Wm3Options = LimitOptions & { port?: number };

/** One Whatsminer v3 command; checks `code` (0 is success) and returns the whole reply object. */
export async function wm3Call(host: string, request: { cmd: string } & Record<string, unknown>, opts?: Wm3Options): Promise<Outcome<JsonValue>> {
  const port = opts?.port ?? WM3_PORT;
  const where = `${host}:${port}`;
  const limits = resolveLimits(opts);
  const res = await tcpExchange(host, port, frameWm3(request), limits, wm3Framer(limits.maxBytes, where), { detectTls: false });
  if (!res.ok) return res;
  const parsed = parseMinerJson(res.value);
  if (!parsed.ok) return fail('garbage', `"${request.cmd}" on ${where}: ${parsed.message}`);
  const v = parsed.value;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail('garbage', `"${request.cmd}" on ${where}: the reply is not an object.`);
  const code = v.code;
  if (code !== 0) {
    const msg = typeof v.msg === 'string' ? v.msg : typeof v.desc === 'string' ? v.desc : null;
    const state = typeof msg === 'string' && /token|password|permission|account/i.test(msg) ? 'auth_failed' : 'api_error';
    return fail(state, `"${request.cmd}" on ${where}: the miner answered code ${JSON.stringify(code ?? null)}${msg ? ` (${msg})` : ''}.`);
  }
  return ok(v);
}
