import { randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { passwordProblem } from '../../contract/auth.vocab';
import { AppError } from '../../contract/errors';

/** scrypt's cost: N = 2^logN, block size r, parallelism p. */
export type ScryptParameters = { logN: number; r: number; p: number };

/**
 * N = 2^15, r = 8, p = 3: one of the configurations OWASP's Password Storage Cheat Sheet lists as equal to its
 * scrypt minimum (N = 2^17, r = 8, p = 1), with a quarter of the memory (32 MiB) for about three quarters of its
 * work; a sign-in takes a few tenths of a second on an office PC. The parameters are written into every hash, so
 * raising them later re-hashes each password at its owner's next sign-in, and old hashes still verify.
 */
export const currentScrypt: ScryptParameters = { logN: 15, r: 8, p: 3 };

/** scrypt's work for some parameters (N · r · p): what "weaker than today's" compares. */
const workOf = ({ logN, r, p }: ScryptParameters) => 2 ** logN * r * p;

const saltBytes = 16;
const keyBytes = 32;

const derive = (password: string, salt: Buffer, keyLength: number, { logN, r, p }: ScryptParameters): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const N = 2 ** logN;
    // scrypt needs 128·N·r bytes; node refuses above maxmem (32 MB by default, just what 2^15 with r = 8 takes).
    scrypt(password.normalize('NFC'), salt, keyLength, { N, r, p, maxmem: 256 * N * r }, (error, key) => (error ? reject(error) : resolve(key)));
  });

/** "$scrypt$ln=15,r=8,p=3$<salt>$<hash>" (PHC string format, base64 without padding). */
export async function hashPassword(password: string, parameters: ScryptParameters = currentScrypt): Promise<string> {
  const salt = randomBytes(saltBytes);
  const key = await derive(password, salt, keyBytes, parameters);
  const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');
  return `$scrypt$ln=${parameters.logN},r=${parameters.r},p=${parameters.p}$${b64(salt)}$${b64(key)}`;
}

type ParsedHash = { parameters: ScryptParameters; salt: Buffer; key: Buffer };

function parseHash(stored: string): ParsedHash | null {
  const match = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(stored);
  if (!match) return null;
  const [logN, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (logN < 10 || logN > 20 || r < 1 || p < 1) return null;
  return { parameters: { logN, r, p }, salt: Buffer.from(match[4], 'base64'), key: Buffer.from(match[5], 'base64') };
}

/** Whether the password matches the stored hash; the comparison takes the same time wherever the bytes differ. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.key.length, parsed.parameters);
  return timingSafeEqual(key, parsed.key);
}

/** A hash made with weaker parameters than today's: re-hash it while the password is at hand. */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  if (!parsed) return true;
  return workOf(parsed.parameters) < workOf(currentScrypt) || parsed.parameters.logN < currentScrypt.logN;
}

let decoy: Promise<string> | null = null;

/** A hash of no one's password: checking an unknown login against it costs what checking a real one costs. */
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  return decoy;
}

/** Throws the rule a new password breaks, in a sentence, or returns nothing. */
export function assertPasswordAcceptable(password: string, login: string | null, field: string): void {
  const problem = passwordProblem(password, login);
  if (problem) throw new AppError('INVALID_INPUT', `The password ${problem}.`, { [field]: problem });
}

// No 0/o, 1/l/i: read aloud or copied from a note without mistakes.
const oneTimeAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/** "kq7m-x4tp-r9wd": handed over by an administrator, valid until its owner chooses their own. */
export function oneTimePassword(): string {
  for (;;) {
    const groups = Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => oneTimeAlphabet[randomInt(oneTimeAlphabet.length)]).join(''));
    const password = groups.join('-');
    if (passwordProblem(password, null) === null) return password;
  }
}
