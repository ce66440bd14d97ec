/**
 * What a network exchange with one miner can end as. Every failure is a plain per-host state
 * with a sentence a person can read; nothing here throws.
 */
export type TransportState =
  | 'refused' // the port is closed (TCP reset on connect)
  | 'unreachable' // no route to the host
  | 'timeout' // no connection, or no complete reply, in time
  | 'reset' // the connection was reset after it opened
  | 'too_large' // the reply went past the size cap
  | 'tls' // a TLS record came back on a plain port
  | 'http' // an HTTP reply came back on an RPC port
  | 'empty' // the connection closed without a byte
  | 'garbage' // bytes that are not the expected protocol or not JSON
  | 'auth_failed' // the miner refused the credentials
  | 'api_error' // the miner answered with an error status
  | 'aborted' // the caller cancelled
  | 'network_error'; // any other socket error

/** `opened` is true when the TCP connection was accepted before things went wrong (the port is open). */
export type Failure = { ok: false; state: TransportState; message: string; opened?: boolean };
export type Outcome<T> = { ok: true; value: T } | Failure;

export const fail = (state: TransportState, message: string): Failure => ({ ok: false, state, message });
export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

/** Limits every exchange obeys. `deadline` (epoch ms) caps a whole multi-request operation. */
export type Limits = {
  connectTimeoutMs: number;
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
  deadline?: number;
};

export const DEFAULT_LIMITS: Limits = { connectTimeoutMs: 3_000, timeoutMs: 8_000, maxBytes: 1024 * 1024 };

export type LimitOptions = Partial<Limits>;

export function resolveLimits(opts: LimitOptions | undefined): Limits {
  return {
    connectTimeoutMs: opts?.connectTimeoutMs ?? DEFAULT_LIMITS.connectTimeoutMs,
    timeoutMs: opts?.timeoutMs ?? DEFAULT_LIMITS.timeoutMs,
    maxBytes: opts?.maxBytes ?? DEFAULT_LIMITS.maxBytes,
    signal: opts?.signal,
    deadline: opts?.deadline,
  };
}

/** Milliseconds this exchange may still take: its own limit, shortened by the operation's deadline. */
export function remainingMs(limits: Limits, now = Date.now()): number {
  const own = limits.timeoutMs;
  if (limits.deadline === undefined) return own;
  return Math.max(0, Math.min(own, limits.deadline - now));
}

/** Maps a Node socket error to a state and a plain sentence. */
export function socketFailure(err: NodeJS.ErrnoException, where: string): Failure {
  switch (err.code) {
    case 'ECONNREFUSED':
      return fail('refused', `${where} refused the connection (port closed).`);
    case 'ECONNRESET':
    case 'EPIPE':
      return fail('reset', `${where} reset the connection.`);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
    case 'ENETDOWN':
      return fail('unreachable', `${where} cannot be reached (no route).`);
    case 'ETIMEDOUT':
      return fail('timeout', `${where} did not answer in time.`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return fail('unreachable', `${where} is not a reachable address.`);
    default:
      return fail('network_error', `${where}: network error ${err.code ?? err.message}.`);
  }
}

/** True when the bytes start like a TLS record (handshake or alert), e.g. a ServerHello. */
export function looksLikeTls(buf: Buffer): boolean {
  return buf.length >= 2 && (buf[0] === 0x16 || buf[0] === 0x15) && buf[1] === 0x03;
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round((n / (1024 * 1024)) * 10) / 10} MB` : `${Math.round(n / 1024)} KB`;
}
