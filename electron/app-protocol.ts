import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { contentSecurityPolicy, resolveRendererFile } from './transports/renderer-files';
import { appScheme } from './window-options';

export const appSchemePrivileges = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** Serves the built renderer on app://hashdesk/ with the same CSP as the HTTP transport. */
export function serveRendererOnAppScheme(protocol: Protocol, rendererDir: string): void {
  protocol.handle(appScheme, async (request) => {
    const file = resolveRendererFile(rendererDir, new URL(request.url).pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(await readFile(file.path), {
      headers: { 'content-type': file.mime, 'content-security-policy': contentSecurityPolicy, 'x-content-type-options': 'nosniff' },
    });
  });
}
