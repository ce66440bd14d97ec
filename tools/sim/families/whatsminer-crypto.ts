// The cryptography of MicroBT's btminer API: md5crypt tokens and AES-256-ECB bodies (API v1/v2),
// SHA-256 command tokens (API v3). Written from the vendor's API documents as PROTOCOLS.md summarises.
import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';

const itoa64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function to64(value: number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++, value >>>= 6) out += itoa64[value & 0x3f];
  return out;
}

/** The classic FreeBSD `$1$salt$hash` MD5 crypt. */
export function md5crypt(password: string, salt: string): string {
  const pw = Buffer.from(password, 'utf8');
  const sl = Buffer.from(
    salt
      .replace(/^\$1\$/, '')
      .split('$')[0]
      .slice(0, 8),
    'utf8',
  );
  const md5 = () => createHash('md5');
  const alternate = md5().update(pw).update(sl).update(pw).digest();
  const ctx = md5().update(pw).update('$1$').update(sl);
  for (let left = pw.length; left > 0; left -= 16) ctx.update(alternate.subarray(0, Math.min(left, 16)));
  for (let i = pw.length; i; i >>>= 1) ctx.update(i & 1 ? Buffer.from([0]) : pw.subarray(0, 1));
  let final = ctx.digest();
  for (let i = 0; i < 1000; i++) {
    const round = md5();
    round.update(i & 1 ? pw : final);
    if (i % 3) round.update(sl);
    if (i % 7) round.update(pw);
    round.update(i & 1 ? final : pw);
    final = round.digest();
  }
  const f = final;
  const hash =
    to64((f[0] << 16) | (f[6] << 8) | f[12], 4) +
    to64((f[1] << 16) | (f[7] << 8) | f[13], 4) +
    to64((f[2] << 16) | (f[8] << 8) | f[14], 4) +
    to64((f[3] << 16) | (f[9] << 8) | f[15], 4) +
    to64((f[4] << 16) | (f[10] << 8) | f[5], 4) +
    to64(f[11], 2);
  return `$1$${sl.toString('utf8')}$${hash}`;
}

/** Field 3 of md5crypt: the hash without `$1$salt$`. */
export function md5cryptHash(password: string, salt: string): string {
  return md5crypt(password, salt).split('$')[3];
}

export function aesEcbEncrypt(key: Buffer, plain: string): string {
  const data = Buffer.from(plain, 'utf8');
  const padded = Buffer.alloc(Math.ceil(data.length / 16) * 16 || 16);
  data.copy(padded);
  const cipher = createCipheriv('aes-256-ecb', key, null).setAutoPadding(false);
  return Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64');
}

/** Decrypts and strips the zero padding; null when the bytes are not a whole number of blocks. */
export function aesEcbDecrypt(key: Buffer, base64: string): string | null {
  const data = Buffer.from(base64, 'base64');
  if (data.length === 0 || data.length % 16 !== 0) return null;
  const decipher = createDecipheriv('aes-256-ecb', key, null).setAutoPadding(false);
  return Buffer.concat([decipher.update(data), decipher.final()])
    .toString('utf8')
    .replace(/\0+$/, '');
}

/** API v1/v2 write session: the AES key and the token a client must send, from the miner's salts. */
export function v2Session(password: string, salt: string, newSalt: string, time: string): { aesKey: Buffer; sign: string } {
  const key = md5cryptHash(password, salt);
  return { aesKey: createHash('sha256').update(key).digest(), sign: md5cryptHash(key + time, newSalt) };
}

/** API v3: SHA-256(cmd + password + salt + ts); the token is the first 8 characters of its base64. */
export function v3Digest(command: string, password: string, salt: string, ts: number | string): { digest: Buffer; token: string } {
  const digest = createHash('sha256').update(`${command}${password}${salt}${ts}`).digest();
  return { digest, token: digest.toString('base64').slice(0, 8) };
}
