// HTTP Digest authentication (RFC 7616, MD5) as stock Antminer CGI pages do it.
import { createHash, randomBytes } from 'node:crypto';
import type { HttpReply, HttpRequest } from '../connection';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

export const antminerRealm = 'antMiner Configuration';
const nonce = randomBytes(16).toString('hex');

export function digestChallenge(): HttpReply {
  return {
    status: 401,
    headers: { 'WWW-Authenticate': `Digest realm="${antminerRealm}", nonce="${nonce}", qop="auth"`, 'Content-Type': 'text/html' },
    body: '<html><body>401 Unauthorized</body></html>',
  };
}

function parseDigest(header: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of header.replace(/^Digest\s+/i, '').matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]*))/g)) {
    fields[match[1].toLowerCase()] = match[2] ?? match[3];
  }
  return fields;
}

/** True when the request carries a valid Digest answer for user/password (with or without qop). */
export function digestAccepted(request: HttpRequest, user: string, password: string): boolean {
  const header = request.headers.authorization;
  if (!header || !/^Digest\s/i.test(header)) return false;
  const f = parseDigest(header);
  if (f.username !== user || f.nonce !== nonce || !f.uri || !f.response) return false;
  const ha1 = md5(`${user}:${f.realm ?? antminerRealm}:${password}`);
  const ha2 = md5(`${request.method}:${f.uri}`);
  const expected = f.qop ? md5(`${ha1}:${f.nonce}:${f.nc}:${f.cnonce}:${f.qop}:${ha2}`) : md5(`${ha1}:${f.nonce}:${ha2}`);
  return expected === f.response;
}
