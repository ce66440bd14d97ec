import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { KeyStorage } from '../../contract/app';

/**
 * Seals the secrets we must keep (miner, SNMP and pool passwords) with AES-256-GCM under one random key.
 * Sealed text looks like `v1.<iv>.<tag>.<ciphertext>` (base64url); it carries no trace of the plain text and
 * any change to it is detected. Plain secrets live only in memory, for the moment they are used.
 */
export type SecretBox = {
  /** How the key is kept (see KeyStorage): shown in Settings when it is weak. */
  readonly keyStorage: KeyStorage;
  seal(plain: string): string;
  /** Throws a plain-words Error when the text was not sealed by this key or was changed. */
  open(sealed: string): string;
};

/** Guards the key file at rest: Electron's safeStorage (the OS keychain) in the desktop app; `weak` when it encrypts with a fixed key (Linux basic_text). */
export type KeyProtector = { encrypt(key: Buffer): Buffer; decrypt(blob: Buffer): Buffer; weak?: boolean };

const version = 'v1';

export function createSecretBox(key: Buffer, keyStorage: KeyStorage = 'not_applicable'): SecretBox {
  if (key.length !== 32) throw new Error('The secret key must be 32 bytes.');
  return {
    keyStorage,
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [version, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    open(sealed) {
      const parts = sealed.split('.');
      if (parts.length !== 4 || parts[0] !== version) throw new Error('A stored secret is not in the sealed form this version writes.');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(parts[1], 'base64url'));
        decipher.setAuthTag(Buffer.from(parts[2], 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(parts[3], 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new Error('A stored secret could not be opened: it was sealed with another key or has been changed.');
      }
    },
  };
}

/**
 * The data folder's key. With a protector (the desktop app), the key is kept encrypted by the OS in
 * `secret.key.protected`; without one (`npm run serve`), in `secret.key`, readable and writable by the
 * owner only (mode 0600, re-applied on every start). Made on first use.
 */
export function loadSecretBox(dataDir: string, protector?: KeyProtector): SecretBox {
  const file = join(dataDir, protector ? 'secret.key.protected' : 'secret.key');
  if (!existsSync(file)) {
    const key = randomBytes(32);
    writeFileSync(file, protector ? protector.encrypt(key) : key.toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const stored = readFileSync(file);
  const key = protector ? protector.decrypt(stored) : Buffer.from(stored.toString('utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`The key file ${file} is damaged: it does not hold a 32-byte key.`);
  return createSecretBox(key, protector ? (protector.weak ? 'basic_text' : 'os_keychain') : 'not_applicable');
}
