import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** A self-signed certificate and its key for one loopback address, made with openssl in `dir` for a test: their paths. */
export function selfSignedCertificate(dir: string, ip: string): { certPath: string; keyPath: string } {
  if (!ip.startsWith('127.')) throw new Error(`Tests serve loopback addresses only, not ${ip}.`);
  const [certPath, keyPath] = [join(dir, 'lan.crt'), join(dir, 'lan.key')];
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2',
    '-subj', `/CN=${ip}`, '-addext', `subjectAltName=IP:${ip}`, '-keyout', keyPath, '-out', certPath,
  ], { stdio: 'ignore' }); // prettier-ignore
  return { certPath, keyPath };
}
