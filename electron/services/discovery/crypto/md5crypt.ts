import { createHash } from 'node:crypto';

const ITOA64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function to64(value: number, count: number): string {
  let out = '';
  let v = value;
  for (let i = 0; i < count; i++) {
    out += ITOA64[v & 0x3f];
    v >>= 6;
  }
  return out;
}

/**
 * The FreeBSD/Linux MD5-crypt (`$1$salt$hash`) that Whatsminer's API v2 token scheme uses
 * (asic-rs `md5crypt`, pyasic `passlib.md5_crypt`). Node has no built-in for it.
 */
export function md5crypt(password: string, rawSalt: string): string {
  const magic = '$1$';
  let salt = rawSalt.startsWith(magic) ? rawSalt.slice(magic.length) : rawSalt;
  salt = salt.split('$')[0].slice(0, 8);
  const pw = Buffer.from(password, 'utf8');
  const saltBuf = Buffer.from(salt, 'utf8');

  const alt = createHash('md5').update(pw).update(saltBuf).update(pw).digest();
  const ctx = createHash('md5').update(pw).update(magic).update(saltBuf);
  for (let pl = pw.length; pl > 0; pl -= 16) ctx.update(alt.subarray(0, Math.min(pl, 16)));
  for (let i = pw.length; i > 0; i >>= 1) ctx.update(i & 1 ? Buffer.from([0]) : pw.subarray(0, 1));
  let final = ctx.digest();

  for (let i = 0; i < 1000; i++) {
    const c = createHash('md5');
    c.update(i & 1 ? pw : final);
    if (i % 3) c.update(saltBuf);
    if (i % 7) c.update(pw);
    c.update(i & 1 ? final : pw);
    final = c.digest();
  }

  const f = final;
  const hash =
    to64((f[0] << 16) | (f[6] << 8) | f[12], 4) +
    to64((f[1] << 16) | (f[7] << 8) | f[13], 4) +
    to64((f[2] << 16) | (f[8] << 8) | f[14], 4) +
    to64((f[3] << 16) | (f[9] << 8) | f[15], 4) +
    to64((f[4] << 16) | (f[10] << 8) | f[5], 4) +
    to64(f[11], 2);
  return `${magic}${salt}$${hash}`;
}

/** The hash part of md5crypt (what Whatsminer calls the "password md5"). */
export function md5cryptHash(password: string, salt: string): string {
  return md5crypt(password, salt).split('$')[3];
}
