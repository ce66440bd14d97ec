import type { BrowserWindowConstructorOptions } from 'electron';
import { defaultWindowSize, minimumWindowSize, type WindowPlacement } from './window-state';

/** The main window's settings. Kept apart from main.ts so a unit test can assert the security choices. */
export function mainWindowOptions(preloadPath: string, bounds: WindowPlacement['bounds'] = defaultWindowSize): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: minimumWindowSize.width,
    minHeight: minimumWindowSize.height,
    title: 'Hashdesk',
    show: false,
    backgroundColor: '#1a1b1e',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Chromium's built-in PDF viewer, the only plugin Electron has: without it the invoice preview's frame
      // shows nothing and Print has no document (Electron ≥ 32 prints a PDF frame through its print dialog).
      plugins: true,
      spellcheck: false,
    },
  };
}

/** The renderer is served from this private scheme, so routes, CSP and the IPC origin check have one origin. */
export const appScheme = 'app';
export const appOrigin = `${appScheme}://hashdesk`;

/** True for URLs that belong to our own renderer: everything else is refused navigation. */
export const isAppUrl = (url: string): boolean => url === appOrigin || url.startsWith(`${appOrigin}/`);
