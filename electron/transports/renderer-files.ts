import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

/**
 * The page's content security policy: only our own code; inline styles are needed by Mantine's CSS variables.
 * Frames may show blob: URLs only: the invoice PDF preview, whose bytes the page fetched itself (a frame
 * cannot send the access token the /files/ address asks for).
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  'frame-src blob:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export type RendererFile = { path: string; mime: string };

/**
 * Maps a URL path to a file of the built renderer. Paths without an extension are app routes and
 * get index.html (client-side routing); anything that would leave the folder gets null.
 */
export function resolveRendererFile(rootDir: string, urlPath: string): RendererFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  if (relative.split(sep).includes('..')) return null;
  const candidate = join(rootDir, relative);
  if (!candidate.startsWith(rootDir)) return null;
  if (existsSync(candidate) && statSync(candidate).isFile()) {
    return { path: candidate, mime: mimeTypes[extname(candidate).toLowerCase()] ?? 'application/octet-stream' };
  }
  if (extname(relative) === '') return { path: join(rootDir, 'index.html'), mime: mimeTypes['.html'] };
  return null;
}

/** Loopback hosts only: a page on another site that resolves its name to 127.0.0.1 (DNS rebinding) is refused (403, true). */
export function refusedNonLoopbackHost(req: IncomingMessage, res: ServerResponse, port: number): boolean {
  const host = req.headers.host;
  if (host === `127.0.0.1:${port}` || host === `localhost:${port}`) return false;
  res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('Only http://127.0.0.1 may use this server.');
  return true;
}

/** A GET or HEAD of the renderer: the file with the page's security headers; HTML is never cached, the hashed assets for good. */
export function serveRendererFile(req: IncomingMessage, res: ServerResponse, rendererDir: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const file = resolveRendererFile(rendererDir, req.url ?? '/');
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  res.writeHead(200, {
    'content-type': file.mime,
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': file.mime.startsWith('text/html') ? 'no-store' : 'public, max-age=31536000, immutable',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file.path)
    .on('error', () => res.destroy())
    .pipe(res);
}
