import { describe, expect, it } from 'vitest';
import { appOrigin, isAppUrl, mainWindowOptions } from './window-options';

describe('main window options', () => {
  it('isolates the renderer: context isolation and sandbox on, no Node anywhere, preload set', () => {
    const prefs = mainWindowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it("enables Chromium's PDF viewer, which the invoice preview and its Print button need", () => {
    expect(mainWindowOptions('/app/preload.cjs').webPreferences?.plugins).toBe(true);
  });

  it('treats only our own scheme as the app when deciding navigation and IPC access', () => {
    expect(isAppUrl(`${appOrigin}/clients`)).toBe(true);
    expect(isAppUrl(appOrigin)).toBe(true);
    expect(isAppUrl('app://hashdesk.evil/')).toBe(false);
    expect(isAppUrl('https://example.com/')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
  });

  it('opens at the remembered place, or the default size, never smaller than the minimum', () => {
    expect(mainWindowOptions('/app/preload.cjs', { x: -1700, y: 40, width: 1300, height: 820 })).toMatchObject({
      x: -1700,
      y: 40,
      width: 1300,
      height: 820,
      minWidth: 1024,
      minHeight: 640,
    });
    const fresh = mainWindowOptions('/app/preload.cjs');
    expect(fresh).toMatchObject({ width: 1440, height: 900 });
    expect(fresh).not.toHaveProperty('x');
  });
});
