import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { refusedNonLoopbackHost, serveRendererFile } from './renderer-files';

/**
 * The loopback server `npm run serve` listens with before its services have started (serve.ts): it serves the
 * renderer's files at once, so that the browser fetches and runs the page while the database opens and the
 * procedures are built, and it holds every other request (API calls, invoice files) until `handOver` gives it the
 * full handling of http.ts, which from then on answers every request, the files too.
 */
export type StartingServer = {
  url: string;
  port: number;
  /**
   * When the services should start loading (which keeps this thread busy for a few hundred ms): once a browser has
   * been sent the page and the files it names (index.html's scripts and styles), at the first request that must
   * wait for the services (an API call: no page is loading), or 250 ms after listening, whichever comes first.
   */
  servicesWanted: Promise<void>;
  handOver(listener: RequestListener): void;
  close(): Promise<void>;
};

const isPageFile = (req: IncomingMessage): boolean => {
  const path = (req.url ?? '/').split('?')[0];
  return (req.method === 'GET' || req.method === 'HEAD') && !path.startsWith('/api/') && !path.startsWith('/files/');
};

const pageWaitMs = 250;

/** The files index.html names (its module scripts, preloads and styles), as the paths a browser asks for. */
function filesOfPage(rendererDir: string): Set<string> {
  try {
    const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
    return new Set(['/', ...Array.from(html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g), (match) => match[1])]);
  } catch {
    return new Set();
  }
}

/** Listens on 127.0.0.1:`port` (0: any free port); rejects with the listen error (a port taken, say). */
export function listenWhileStarting(port: number, rendererDir: string): Promise<StartingServer> {
  let listening = 0;
  let listener: RequestListener | null = null;
  const held: [IncomingMessage, ServerResponse][] = [];
  const pageFiles = filesOfPage(rendererDir);
  let wanted: () => void = () => undefined;
  const servicesWanted = new Promise<void>((resolve) => (wanted = resolve));
  const server = createServer((req, res) => {
    if (listener) return listener(req, res);
    if (refusedNonLoopbackHost(req, res, listening)) return;
    if (isPageFile(req)) {
      const path = (req.url ?? '/').split('?')[0];
      res.once('finish', () => {
        // An app route (a deep link such as /clients/7) is index.html, the page itself.
        pageFiles.delete(path.startsWith('/assets/') ? path : '/');
        if (pageFiles.size === 0) wanted();
      });
      return serveRendererFile(req, res, rendererDir);
    }
    // A request's body waits unread in its socket until the full handling reads it.
    held.push([req, res]);
    wanted();
  });
  server.requestTimeout = 120_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      listening = (server.address() as AddressInfo).port;
      setTimeout(wanted, pageWaitMs);
      resolve({
        url: `http://127.0.0.1:${listening}`,
        port: listening,
        servicesWanted,
        handOver(full) {
          listener = full;
          for (const [req, res] of held.splice(0)) if (!res.destroyed) full(req, res);
        },
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
