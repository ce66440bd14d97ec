import { describe, expect, it } from 'vitest';
import { md5crypt, md5cryptHash } from './md5crypt';
import { aesEcbZeroDecrypt, aesEcbZeroEncrypt, whatsminerV2Token, whatsminerV3Token } from './whatsminer-crypto';

// Known answers computed with `openssl passwd -1`, `openssl enc -aes-256-ecb -nopad` and Python's hashlib.
describe('md5crypt', () => {
  it('matches openssl passwd -1', () => {
    expect(md5crypt('admin', 'BQ5hoXV9')).toBe('$1$BQ5hoXV9$RxmaDUO33TS7O26yeMHZ81');
    expect(md5crypt('a-much-longer-password-over-16', 'ZGAl6Ilx')).toBe('$1$ZGAl6Ilx$afOq04flxMBy420RzMHFq/');
    expect(md5crypt('', 'abc')).toBe('$1$abc$Or2rbeUYTvt12aiVzMuS/.');
    expect(md5cryptHash('admin', '$1$BQ5hoXV9$ignored')).toBe('RxmaDUO33TS7O26yeMHZ81');
  });
});

describe('Whatsminer API v2 token and AES', () => {
  it('derives the sign and AES key from get_token like the vendor document', () => {
    const { sign, aesKey } = whatsminerV2Token('admin', { time: '1700000000', salt: 'BQ5hoXV9', newsalt: 'ZGAl6Ilx' });
    expect(sign).toBe('TAakHaTJxQBJ9bsL6ouO7.');
    expect(aesKey.toString('hex')).toBe('199e0a202039bb7b558db7a54697dca29cb278055b7e659a127fb844d5a2fbf6');
  });

  it('encrypts with AES-256-ECB and zero padding as openssl does, and decrypts back', () => {
    const key = Buffer.from('199e0a202039bb7b558db7a54697dca29cb278055b7e659a127fb844d5a2fbf6', 'hex');
    const enc = aesEcbZeroEncrypt(key, '{"cmd":"reboot","token":"x"}');
    expect(enc).toBe('eueoy6m7l/fNCJ0Xjzk3qs+6gAWXkabQQPITus7HECg=');
    expect(aesEcbZeroDecrypt(key, enc)).toBe('{"cmd":"reboot","token":"x"}');
    expect(aesEcbZeroDecrypt(key, 'bm90IGJsb2Nrcw==')).toBeNull();
  });
});

describe('Whatsminer API v3 token', () => {
  it('is the first 8 base64 characters of SHA-256(cmd + password + salt + ts)', () => {
    const { token, aesKey } = whatsminerV3Token('set.miner.pools', 'abcdefg', 'QbVy1Ou3', 1700000000);
    expect(token).toBe('8XdQZJdP');
    expect(aesKey.toString('hex')).toBe('f1775064974f5a81dc7463de110a096abbfa0b3f2e999864e282a01da36289fe');
  });
});
