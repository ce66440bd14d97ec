import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

export type LanReply = {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json<T = { ok: boolean; value?: never; error?: { code: string; message: string } }>(): T;
};

/**
 * One request with every header under the test's control (Host, Origin, Cookie: fetch would set some itself), to a
 * server on 127.0.0.0/8; `ca` trusts a test's self-signed certificate; `localAddress` (127.0.0.0/8 too) is the address
 * the request comes from, to stand in for another computer.
 */
export function lanRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: unknown; ca?: Buffer; localAddress?: string } = {},
): Promise<LanReply> {
  const target = new URL(url);
  for (const address of [target.hostname, options.localAddress ?? '127.0.0.1'])
    if (!address.startsWith('127.')) throw new Error(`Tests talk to loopback addresses only, not ${address}.`);
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers = { host: target.host, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers };
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      { method: options.method ?? (body === undefined ? 'GET' : 'POST'), headers, ca: options.ca, localAddress: options.localAddress, timeout: 10_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: <T>() => JSON.parse(text) as T });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${url} did not answer within 10 s`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** The `name=value` part of a Set-Cookie header, to send back as a Cookie header. */
export const cookiePairOf = (reply: LanReply): string => (reply.headers['set-cookie']?.[0] ?? '').split(';')[0];
