import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { guardNavigation, guardPermissions, isPermissionAllowed } from './web-guards';
import { appOrigin } from './window-options';

type RequestHandler = Parameters<Session['setPermissionRequestHandler']>[0] & {};
type CheckHandler = Parameters<Session['setPermissionCheckHandler']>[0] & {};
type DeviceHandler = Parameters<Session['setDevicePermissionHandler']>[0] & {};

function guardedSession() {
  const handlers: { request?: RequestHandler; check?: CheckHandler; device?: DeviceHandler } = {};
  guardPermissions({
    setPermissionRequestHandler: (h) => void (handlers.request = h ?? undefined),
    setPermissionCheckHandler: (h) => void (handlers.check = h ?? undefined),
    setDevicePermissionHandler: (h) => void (handlers.device = h ?? undefined),
  });
  const request = (permission: string, requestingUrl: string) => {
    const callback = vi.fn();
    handlers.request!({} as WebContents, permission as never, callback, { isMainFrame: true, requestingUrl } as never);
    return callback.mock.calls[0][0] as boolean;
  };
  const check = (permission: string, origin: string) => handlers.check!(null, permission as never, origin, {} as never);
  return { request, check, device: handlers.device! };
}

describe('session permissions', () => {
  it('grants notifications to our own pages, on request and on check', () => {
    const session = guardedSession();
    expect(session.request('notifications', `${appOrigin}/alerts`)).toBe(true);
    expect(session.check('notifications', appOrigin)).toBe(true);
  });

  it('denies every other permission, and notifications to any other origin', () => {
    const session = guardedSession();
    for (const permission of [
      'media',
      'geolocation',
      'clipboard-read',
      'clipboard-sanitized-write',
      'midiSysex',
      'openExternal',
      'hid',
      'serial',
      'usb',
      'fullscreen',
      'unknown',
    ]) {
      expect(session.request(permission, `${appOrigin}/`)).toBe(false);
      expect(session.check(permission, appOrigin)).toBe(false);
    }
    expect(session.request('notifications', 'https://example.com/')).toBe(false);
    expect(session.check('notifications', 'app://hashdesk.evil')).toBe(false);
    expect(session.device({} as never)).toBe(false);
    expect(isPermissionAllowed('notifications', 'file:///etc/passwd')).toBe(false);
  });
});

describe('navigation guards', () => {
  const guarded = () => {
    const contents = new EventEmitter();
    guardNavigation(contents as unknown as WebContents);
    return (event: string, url: string, isMainFrame = true) => {
      const details = { url, isMainFrame, preventDefault: vi.fn() };
      contents.emit(event, details);
      return details.preventDefault.mock.calls.length > 0;
    };
  };

  it('stops navigations, redirects and frame navigations that leave the app', () => {
    const stopped = guarded();
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      expect(stopped(event, 'https://example.com/')).toBe(true);
      expect(stopped(event, 'file:///etc/passwd')).toBe(true);
      expect(stopped(event, 'app://hashdesk.evil/')).toBe(true);
    }
  });

  it('lets a frame inside the page show a blob the app made (the PDF preview), but never the window or a blob of another origin', () => {
    const stopped = guarded();
    const blob = `blob:${appOrigin}/6f1c2a9e-1b7d-4c55-9a0e-3f1d2c4b5a6e`;
    expect(stopped('will-frame-navigate', blob, false)).toBe(false);
    expect(stopped('will-frame-navigate', blob, true)).toBe(true);
    expect(stopped('will-navigate', blob, true)).toBe(true);
    expect(stopped('will-frame-navigate', 'blob:https://example.com/6f1c2a9e', false)).toBe(true);
    expect(stopped('will-frame-navigate', 'https://example.com/a.pdf', false)).toBe(true);
  });

  it('lets the app move between its own routes', () => {
    const stopped = guarded();
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) expect(stopped(event, `${appOrigin}/clients/7`)).toBe(false);
  });
});
