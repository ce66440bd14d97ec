/** The words of `npm run serve` about the address it listens on; light, so serve.ts reads them before anything else loads. */

/** The addresses that keep the server on this computer only, with the serve token: today's default. */
export const isLoopbackDefault = (host: string): boolean => host === '127.0.0.1' || host === 'localhost';

/** A failed listen in words: the usual reasons an office-network address or port cannot be taken. */
export function listenFailureSentence(error: unknown, host: string, port: number): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE') return `Port ${port} on ${host} is taken by another program; choose another port.`;
  if (code === 'EADDRNOTAVAIL') return `This computer does not hold the address ${host} now; check its network connection or choose another address.`;
  if (code === 'EACCES') return `Port ${port} needs administrator rights on this computer; choose a port above 1023.`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `The host name ${host} does not resolve to an address of this computer.`;
  return error instanceof Error ? error.message : String(error);
}
