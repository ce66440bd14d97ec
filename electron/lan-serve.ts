import { readFileSync } from 'node:fs';
import type { Db } from '../db/open-db';
import { accountsExist } from './services/auth/auth.accounts';
import { lanAddressProblem } from './services/office-lan/office-lan.address';
import type { LanOptions } from './transports/http-lan';
import { isLoopbackDefault } from './listen-address';

function readPemFile(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new Error(`The TLS ${what} file ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`, { cause: error });
  }
}

export type LanRequest = { host: string; tlsCertPath?: string; tlsKeyPath?: string; publicOrigin?: string };

/** The LAN options of a checked request: the address, the certificate and key read from their files, the public origin. */
export function lanOptionsOf(request: LanRequest): LanOptions {
  const problem = lanAddressProblem(request.host);
  if (problem) throw new Error(`The address ${problem}.`);
  // The page tells the two servers apart by the name it was opened at (renderer/api/token.ts): these two mean the loopback one.
  const browserHost = request.publicOrigin && URL.canParse(request.publicOrigin) ? new URL(request.publicOrigin).hostname : request.host;
  if (isLoopbackDefault(browserHost))
    throw new Error(
      `${browserHost} is this computer's own server, opened with its token; to serve the office network, give --host this computer's office-network address.`,
    );
  if (Boolean(request.tlsCertPath) !== Boolean(request.tlsKeyPath)) throw new Error('HTTPS needs both a certificate file and its key file.');
  const tls =
    request.tlsCertPath && request.tlsKeyPath
      ? { cert: readPemFile(request.tlsCertPath, 'certificate'), key: readPemFile(request.tlsKeyPath, 'key') }
      : undefined;
  if (request.publicOrigin !== undefined) {
    const url = URL.canParse(request.publicOrigin) ? new URL(request.publicOrigin) : null;
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== request.publicOrigin.replace(/\/$/, ''))
      throw new Error(
        `The public origin must be an address like https://hashdesk.office.lan or http://10.0.0.5:8080, with no path; "${request.publicOrigin}" is not.`,
      );
    return { host: request.host, tls, publicOrigin: url.origin };
  }
  return { host: request.host, tls };
}

/** Sign-in is mandatory on the office network, so the first administrator is made on this computer first. */
export function assertLanCanStart(db: Db): void {
  if (!accountsExist(db))
    throw new Error(
      'Serving the office network needs an administrator account, and this data folder has none. Create it on this computer first: run `npm run serve` without --host (or start the desktop app), open Settings › Users & roles › Create the administrator, then start again with --host.',
    );
}
