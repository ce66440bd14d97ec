// Misbehaviour of real miners on a LAN, chosen per host from the seed. The scanner and the poller
// must turn each one into a clear per-host state, never a crash or a hang.
import type { Socket } from 'node:net';
import type { Dice } from './seed';

export const quirkNames = ['malformed-json', 'slow', 'trickle', 'reset', 'silent', 'endless', 'tls', 'offline'] as const;
export type QuirkName = (typeof quirkNames)[number];

/** Timings are bounded so a forgotten client never keeps the simulator busy for long. */
export const quirkTimings = {
  slowReplyMs: 2_500,
  /** A trickled reply sends one byte per tick: a few hundred bytes outlast any client's time limit. */
  trickleByteMs: 50,
  trickleCapMs: 30_000,
  silentHoldMs: 30_000,
  endlessCapBytes: 32 * 1024 * 1024,
  endlessCapMs: 30_000,
};

export function parseQuirkList(text: string): QuirkName[] {
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!(quirkNames as readonly string[]).includes(name)) {
      throw new Error(`Unknown quirk "${name}". Known quirks: ${quirkNames.join(', ')}.`);
    }
  }
  return names as QuirkName[];
}

/** One quirk for this host, or null; `allowed` leaves out what the host's protocols cannot show. */
export function pickQuirk(dice: Dice, rate: number, allowed: readonly QuirkName[]): QuirkName | null {
  if (rate <= 0 || allowed.length === 0 || dice.unit('quirk?') >= rate) return null;
  return dice.pick('quirk', allowed);
}

/**
 * The three JSON faults CGMiner-family firmware really sends: `}{` between array objects,
 * a trailing comma before a closing brace, and bare inf/nan numbers. Identity fields stay intact,
 * so a parser that repairs these still reads the miner correctly.
 */
export function malformJson(json: string): string {
  let out = json.replace(/\},\{/g, '}{');
  out = out.replace(/("Utility":\s*)-?[\d.eE+-]+/, '$1inf').replace(/("Work Utility":\s*)-?[\d.eE+-]+/, '$1nan');
  const lastBrace = out.lastIndexOf('}');
  return lastBrace > 0 ? `${out.slice(0, lastBrace)},${out.slice(lastBrace)}` : out;
}

/** The start of a TLS 1.2 ServerHello record (handshake 0x16, version 3.3), as a TLS-only port sends. */
export const tlsHelloBytes = Buffer.concat([
  Buffer.from([0x16, 0x03, 0x03, 0x00, 0x2a, 0x02, 0x00, 0x00, 0x26, 0x03, 0x03]),
  Buffer.alloc(32, 0x5a), // server random
  Buffer.from([0x00, 0x13, 0x01, 0x00]), // no session id, TLS_AES_128_GCM_SHA256, no compression
]);

/** Writes JSON-looking bytes until the client leaves or a cap is reached. */
export function writeEndless(socket: Socket): void {
  const chunk = Buffer.from('{"STATUS":"S","Msg":"' + 'x'.repeat(16_000) + '"},');
  const startedAt = Date.now();
  let written = 0;
  socket.write('{"STATUS":[');
  const pump = (): void => {
    while (!socket.destroyed) {
      if (written >= quirkTimings.endlessCapBytes || Date.now() - startedAt > quirkTimings.endlessCapMs) {
        socket.destroy();
        return;
      }
      written += chunk.length;
      if (!socket.write(chunk)) {
        socket.once('drain', pump);
        return;
      }
    }
  };
  pump();
}

/** Sends the reply one byte at a time, far slower than any client waits, then gives up. */
export function writeTrickle(socket: Socket, bytes: Buffer): void {
  let sent = 0;
  const startedAt = Date.now();
  const timer = setInterval(() => {
    if (socket.destroyed || sent >= bytes.length || Date.now() - startedAt > quirkTimings.trickleCapMs) {
      clearInterval(timer);
      socket.destroy();
      return;
    }
    socket.write(bytes.subarray(sent, ++sent));
  }, quirkTimings.trickleByteMs);
  socket.once('close', () => clearInterval(timer));
}
