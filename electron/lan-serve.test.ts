import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authWithClock, setUpAdministrator } from '../tests/helpers/auth-fixtures';
import { openTempDb, type TempDb } from '../tests/helpers/temp-db';
import { assertLanCanStart, lanOptionsOf } from './lan-serve';
import { isLoopbackDefault } from './listen-address';
import { lanAddressProblem } from './services/office-lan/office-lan.address';

let t: TempDb;
beforeEach(() => {
  t = openTempDb();
});
afterEach(() => t.close());

// Addresses here are only text to check: nothing connects to them.
const machine = ['127.0.0.1', '192.0.2.10', '::1'];

describe('the office-network address', () => {
  it('takes an address of this computer, any loopback address or a host name', () => {
    expect(lanAddressProblem('192.0.2.10', machine)).toBeNull();
    expect(lanAddressProblem('127.0.0.2', machine)).toBeNull();
    expect(lanAddressProblem('hashdesk-office', machine)).toBeNull();
    expect(isLoopbackDefault('127.0.0.1') && isLoopbackDefault('localhost') && !isLoopbackDefault('127.0.0.2')).toBe(true);
  });

  it('refuses every address at once, an address of another computer and a mistyped one, in words', () => {
    expect(lanAddressProblem('0.0.0.0', machine)).toMatch(/means every address of this computer/);
    expect(lanAddressProblem('192.0.2.99', machine)).toBe('"192.0.2.99" is not an address of this computer; it has 127.0.0.1, 192.0.2.10');
    expect(lanAddressProblem('192.0.2', machine)).toMatch(/not a complete IPv4 address/);
    expect(() => lanOptionsOf({ host: '0.0.0.0' })).toThrow(/^The address "0.0.0.0" means every address/);
    // --tls-cert alone, or an origin at 127.0.0.1, would be the office-network server at the loopback server's name.
    expect(() => lanOptionsOf({ host: '127.0.0.1' })).toThrow(/^127.0.0.1 is this computer's own server/);
    expect(() => lanOptionsOf({ host: '127.0.0.2', publicOrigin: 'http://localhost:8080' })).toThrow(/^localhost is this computer's own server/);
  });
});

describe('the LAN options', () => {
  it('reads the certificate and key, and refuses one without the other or a file it cannot read', () => {
    writeFileSync(join(t.dir, 'c.pem'), 'CERT');
    writeFileSync(join(t.dir, 'k.pem'), 'KEY');
    const options = lanOptionsOf({ host: '127.0.0.2', tlsCertPath: join(t.dir, 'c.pem'), tlsKeyPath: join(t.dir, 'k.pem') });
    expect(options.tls?.cert.toString()).toBe('CERT');
    expect(() => lanOptionsOf({ host: '127.0.0.2', tlsCertPath: join(t.dir, 'c.pem') })).toThrow('HTTPS needs both a certificate file and its key file.');
    expect(() => lanOptionsOf({ host: '127.0.0.2', tlsCertPath: join(t.dir, 'c.pem'), tlsKeyPath: join(t.dir, 'none.pem') })).toThrow(
      `The TLS key file ${join(t.dir, 'none.pem')} cannot be read (ENOENT).`,
    );
  });

  it('takes a public origin without a path, for a reverse proxy on this computer', () => {
    expect(lanOptionsOf({ host: '127.0.0.2', publicOrigin: 'https://hashdesk.office.test/' }).publicOrigin).toBe('https://hashdesk.office.test');
    expect(() => lanOptionsOf({ host: '127.0.0.2', publicOrigin: 'https://hashdesk.office.test/app' })).toThrow(/with no path/);
    expect(() => lanOptionsOf({ host: '127.0.0.2', publicOrigin: 'ftp://hashdesk' })).toThrow(/with no path/);
  });

  it('refuses to serve the office network before an administrator exists', async () => {
    expect(() => assertLanCanStart(t.db)).toThrow(/Create it on this computer first/);
    await setUpAdministrator(authWithClock(t.db).auth);
    expect(() => assertLanCanStart(t.db)).not.toThrow();
  });
});
