import { timingSafeEqual } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { passwordProblem } from '../../contract/auth.vocab';
import { currentScrypt, hashPassword, needsRehash, oneTimePassword, verifyPassword } from './auth.password';
import type * as Crypto from 'node:crypto';

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof Crypto>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

describe('password hashes', () => {
  it('keep scrypt with its parameters and a salt of their own, never the password', async () => {
    const [first, second] = [await hashPassword('correct horse battery'), await hashPassword('correct horse battery')];
    expect(first).toMatch(/^\$scrypt\$ln=15,r=8,p=3\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(first).not.toContain('correct');
    expect(first).not.toBe(second);
  });

  it('verify the right password only, comparing the keys with timingSafeEqual', async () => {
    const stored = await hashPassword('correct horse battery');
    vi.mocked(timingSafeEqual).mockClear();
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterx', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
    expect(timingSafeEqual).toHaveBeenCalledTimes(3);
    for (const [given, kept] of vi.mocked(timingSafeEqual).mock.calls) expect((given as Buffer).length).toBe((kept as Buffer).length);
  });

  it('still verify a hash made with older, weaker parameters, and ask for it to be re-hashed', async () => {
    const old = await hashPassword('correct horse battery', { logN: 14, r: 8, p: 1 });
    expect(old.startsWith('$scrypt$ln=14,r=8,p=1$')).toBe(true);
    expect(await verifyPassword('correct horse battery', old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hashPassword('x'.repeat(12)))).toBe(false);
    // The build before this one hashed with N = 2^15, r = 8, p = 1: a third of today's work, re-hashed at the next sign-in.
    expect(needsRehash('$scrypt$ln=15,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).toBe(true);
    // OWASP's own minimum, N = 2^17 with p = 1, is more work than today's and stays as it is.
    expect(needsRehash('$scrypt$ln=17,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).toBe(false);
    expect(currentScrypt).toEqual({ logN: 15, r: 8, p: 3 });
  });

  it('refuse anything that is not a hash of ours', async () => {
    for (const stored of ['', 'correct horse battery', '$scrypt$ln=40,r=8,p=1$AAAA$AAAA', '$2b$10$abcdefghijklmnopqrstuv'])
      expect(await verifyPassword('correct horse battery', stored)).toBe(false);
  });
});

describe('password rules', () => {
  it('say what is wrong in words', () => {
    expect(passwordProblem('short', 'maria')).toBe('must be at least 10 characters long');
    expect(passwordProblem('MARIA-2026-spring', 'maria')).toBe('must not contain the login');
    expect(passwordProblem(' leading space x', null)).toBe('must not start or end with a space');
    expect(passwordProblem('aaaaabbbbbb', null)).toBe('must use at least 4 different characters');
    expect(passwordProblem('correct horse battery', 'maria')).toBeNull();
  });

  it('give one-time passwords that follow them and read without look-alike characters', () => {
    for (let i = 0; i < 50; i += 1) {
      const password = oneTimePassword();
      expect(password).toMatch(/^[a-km-np-z2-9]{4}-[a-km-np-z2-9]{4}-[a-km-np-z2-9]{4}$/);
      expect(passwordProblem(password, null)).toBeNull();
    }
  });
});
