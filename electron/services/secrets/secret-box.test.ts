import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSecretBox, type KeyProtector } from './secret-box';

let dir = '';
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));
const freshDir = () => (dir = mkdtempSync(join(tmpdir(), 'hashdesk-secrets-')));

describe('secret box', () => {
  it('seals so the plain text cannot be read back from the stored form, and opens what it sealed', () => {
    const box = loadSecretBox(freshDir());
    const a = box.seal('hunter2-Ünïcode');
    const b = box.seal('hunter2-Ünïcode');
    expect(a).not.toBe(b); // a fresh IV each time
    expect(a).not.toContain('hunter2');
    expect(Buffer.from(a.split('.')[3], 'base64url').toString('latin1')).not.toContain('hunter2');
    expect(box.open(a)).toBe('hunter2-Ünïcode');
  });

  it('keeps the key across restarts in an owner-only file, and tightens a file left readable by others', () => {
    const data = freshDir();
    const sealed = loadSecretBox(data).seal('s3cret');
    expect(statSync(join(data, 'secret.key')).mode & 0o777).toBe(0o600);
    chmodSync(join(data, 'secret.key'), 0o644);
    expect(loadSecretBox(data).open(sealed)).toBe('s3cret');
    expect(statSync(join(data, 'secret.key')).mode & 0o777).toBe(0o600);
  });

  it('refuses a changed sealed text or one sealed under another key, in plain words', () => {
    const box = loadSecretBox(freshDir());
    const other = loadSecretBox(mkdtempSync(join(tmpdir(), 'hashdesk-secrets-other-')));
    const sealed = box.seal('s3cret');
    const flipped = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'B' : 'A') + sealed.slice(-1);
    expect(() => box.open(flipped)).toThrow(/could not be opened/);
    expect(() => other.open(sealed)).toThrow(/another key or has been changed/);
    expect(() => box.open('plain-text')).toThrow(/not in the sealed form/);
  });

  it('with a protector, stores only the protected key', () => {
    const data = freshDir();
    const mask = Buffer.alloc(32, 0x5a);
    const xor = (b: Buffer) => Buffer.from(b.map((v, i) => v ^ mask[i % 32]));
    const protector: KeyProtector = { encrypt: xor, decrypt: xor };
    const sealed = loadSecretBox(data, protector).seal('s3cret');
    expect(loadSecretBox(data, protector).open(sealed)).toBe('s3cret');
    const stored = readFileSync(join(data, 'secret.key.protected'));
    expect(() => loadSecretBox(data).open(sealed)).toThrow(); // a plain key file is made anew: it cannot open
    expect(stored.length).toBe(32);
  });

  it('says how the key is kept: OS keychain, the fixed-key basic_text fallback, or a key file (not applicable)', () => {
    const same = (b: Buffer) => Buffer.from(b);
    expect(loadSecretBox(freshDir(), { encrypt: same, decrypt: same }).keyStorage).toBe('os_keychain');
    expect(loadSecretBox(freshDir(), { encrypt: same, decrypt: same, weak: true }).keyStorage).toBe('basic_text');
    expect(loadSecretBox(freshDir()).keyStorage).toBe('not_applicable');
  });

  it('refuses a damaged key file', () => {
    const data = freshDir();
    writeFileSync(join(data, 'secret.key'), 'c2hvcnQ=', { mode: 0o600 });
    expect(() => loadSecretBox(data)).toThrow(/damaged/);
  });
});
