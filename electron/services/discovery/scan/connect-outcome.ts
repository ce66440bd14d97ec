/**
 * What a connect error says about the address: it answered (closed), nobody is there (silent), this
 * computer cannot reach it (no route), or nothing about it at all (fatal: the computer itself is short of
 * descriptors, ports or memory, so every address after it would look silent and the scan would lie).
 */
export type ConnectOutcome = 'open' | 'closed' | 'silent' | 'no_route' | 'fatal';

const closed = new Set(['ECONNREFUSED', 'ECONNRESET']);
const silent = new Set(['ETIMEDOUT', 'EHOSTUNREACH', 'EHOSTDOWN', 'ECONNABORTED', 'ECANCELED']);
// The local network stack refused to send: no route to that network, or a firewall or a broadcast address.
const noRoute = new Set(['ENETUNREACH', 'ENETDOWN', 'EACCES', 'EPERM']);

export function connectOutcome(errorCode: string | null): ConnectOutcome {
  if (errorCode === null) return 'open';
  if (closed.has(errorCode)) return 'closed';
  if (silent.has(errorCode)) return 'silent';
  if (noRoute.has(errorCode)) return 'no_route';
  return 'fatal';
}

/** Why the scan had to stop, in plain words, for an error `connectOutcome` calls fatal. */
export function fatalConnectSentence(errorCode: string, probedHosts: number, totalHosts: number): string {
  const where = `after ${probedHosts.toLocaleString('en-US')} of ${totalHosts.toLocaleString('en-US')} addresses`;
  switch (errorCode) {
    case 'EMFILE':
    case 'ENFILE':
      return `The scan stopped ${where}: this computer ran out of open connections (${errorCode}). Close other network programs or scans, or set a lower rate, and start it again.`;
    case 'EADDRNOTAVAIL':
    case 'EADDRINUSE':
      return `The scan stopped ${where}: this computer ran out of local ports for new connections (${errorCode}). Wait a minute, set a lower rate, and start it again.`;
    case 'ENOBUFS':
    case 'ENOMEM':
    case 'EAGAIN':
      return `The scan stopped ${where}: the network system of this computer is out of memory (${errorCode}). Set a lower rate and start it again.`;
    default:
      return `The scan stopped ${where}: connecting failed with ${errorCode}, which says nothing about the miners, so the remaining addresses were not counted as silent. Start it again; if it stops again, the log has the details.`;
  }
}
