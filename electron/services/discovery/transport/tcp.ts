import net from 'node:net';
import { fail, formatBytes, looksLikeTls, ok, remainingMs, socketFailure, type Limits, type Outcome } from './outcome';

/**
 * Decides, from the bytes received so far, whether a reply is complete.
 * `ended` is true once the peer closed its side.
 */
export type Framer = ((received: Buffer, ended: boolean) => { done: true; body: Buffer } | { done: false } | { done: true; error: Outcome<never> }) & {
  /**
   * A cheap look at each new chunk: false means the reply cannot be complete yet, so the bytes are not
   * joined and the framer is not asked. Keeps a reply trickled in thousands of small chunks linear.
   */
  hint?: (chunk: Buffer, size: number) => boolean;
};

/**
 * One request/reply over TCP with hard limits: connect timeout, total time, size cap, abort signal.
 * Resolves exactly once and always destroys the socket; never throws.
 */
export function tcpExchange(
  host: string,
  port: number,
  request: Buffer,
  limits: Limits,
  framer: Framer,
  { detectTls = true }: { detectTls?: boolean } = {},
): Promise<Outcome<Buffer>> {
  const where = `${host}:${port}`;
  return new Promise((resolve) => {
    if (limits.signal?.aborted) return resolve(fail('aborted', `Cancelled before contacting ${where}.`));
    const total = remainingMs(limits);
    if (total <= 0) return resolve(fail('timeout', `No time left to contact ${where}.`));

    const chunks: Buffer[] = [];
    let size = 0;
    let connected = false;
    let settled = false;
    const socket = net.connect({ host, port });
    socket.setNoDelay(true);

    const finish = (result: Outcome<Buffer>) => {
      if (settled) return;
      settled = true;
      if (!result.ok && connected) result = { ...result, opened: true };
      clearTimeout(connectTimer);
      clearTimeout(totalTimer);
      limits.signal?.removeEventListener('abort', onAbort);
      socket.removeAllListeners('data');
      socket.destroy();
      resolve(result);
    };
    const onAbort = () => finish(fail('aborted', `Cancelled while talking to ${where}.`));
    limits.signal?.addEventListener('abort', onAbort, { once: true });

    const connectTimer = setTimeout(
      () => {
        if (!connected) finish(fail('timeout', `${where} did not accept a connection within ${Math.min(limits.connectTimeoutMs, total)} ms.`));
      },
      Math.min(limits.connectTimeoutMs, total),
    );
    const totalTimer = setTimeout(() => {
      finish(
        size === 0
          ? fail('timeout', `${where} accepted the connection but sent nothing within ${total} ms.`)
          : fail('timeout', `${where} sent ${size} bytes but no complete reply within ${total} ms.`),
      );
    }, total);

    let tlsChecked = !detectTls;
    const check = (ended: boolean) => {
      const received = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
      if (chunks.length > 1) chunks.splice(0, chunks.length, received);
      if (!tlsChecked && (received.length >= 2 || ended)) {
        tlsChecked = true;
        if (looksLikeTls(received)) return finish(fail('tls', `${where} answered with TLS on a plain port.`));
      }
      const framed = framer(received, ended);
      if (framed.done) return finish('error' in framed ? (framed.error as Outcome<Buffer>) : ok(framed.body));
      if (ended)
        finish(
          size === 0 ? fail('empty', `${where} closed the connection without replying.`) : fail('garbage', `${where} closed before the reply was complete.`),
        );
    };

    socket.once('connect', () => {
      connected = true;
      clearTimeout(connectTimer);
      socket.write(request);
    });
    socket.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBytes) return finish(fail('too_large', `${where} sent more than ${formatBytes(limits.maxBytes)} without ending its reply.`));
      chunks.push(chunk);
      if (!tlsChecked || !framer.hint || framer.hint(chunk, size)) check(false);
    });
    socket.once('end', () => check(true));
    socket.once('close', () => {
      if (!settled) check(true);
    });
    // `on`, not `once`: a socket can report more than one error, and an unheard one would crash the process.
    socket.on('error', (err: NodeJS.ErrnoException) => {
      if (settled) return;
      // A reset after some bytes arrived may still leave a complete reply (a miner that RSTs after answering).
      if (connected && size > 0) {
        const received = Buffer.concat(chunks, size);
        const framed = framer(received, true);
        if (framed.done && !('error' in framed)) return finish(ok(framed.body));
      }
      finish(socketFailure(err, where));
    });
  });
}
