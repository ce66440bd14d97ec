import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { md5cryptHash } from './md5crypt';

/** AES-256-ECB with zero padding to 16 bytes (no padding block when already aligned), as btminer does. */
export function aesEcbZeroEncrypt(key: Buffer, plain: string): string {
  const data = Buffer.from(plain, 'utf8');
  const padded = Buffer.alloc(Math.ceil(data.length / 16) * 16 || 16);
  data.copy(padded);
  const cipher = createCipheriv('aes-256-ecb', key, null);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64');
}

/** Reverses aesEcbZeroEncrypt; returns null when the text is not a whole number of AES blocks. */
export function aesEcbZeroDecrypt(key: Buffer, base64: string): string | null {
  const data = Buffer.from(base64, 'base64');
  if (data.length === 0 || data.length % 16 !== 0) return null;
  const decipher = createDecipheriv('aes-256-ecb', key, null);
  decipher.setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(data), decipher.final()]);
  let end = plain.length;
  while (end > 0 && plain[end - 1] === 0) end--;
  return plain.subarray(0, end).toString('utf8');
}

/** Whatsminer API v2 write token: from `get_token`'s time, salt and newsalt and the admin password. */
export function whatsminerV2Token(password: string, token: { time: string; salt: string; newsalt: string }): { aesKey: Buffer; sign: string } {
  const key = md5cryptHash(password, token.salt);
  const sign = md5cryptHash(key + token.time, token.newsalt);
  const aesKey = createHash('sha256').update(key).digest();
  return { aesKey, sign };
}

/** Whatsminer API v3 write token: SHA-256(cmd + password + salt + ts); the token is the first 8 base64 characters. */
export function whatsminerV3Token(cmd: string, password: string, salt: string, ts: number): { token: string; aesKey: Buffer } {
  const digest = createHash('sha256').update(`${cmd}${password}${salt}${ts}`).digest();
  return { token: digest.toString('base64').slice(0, 8), aesKey: digest };
}
