import type { Session, WebContents } from 'electron';
import { appOrigin, isAppUrl } from './window-options';

/** The one web permission the app uses: desktop notifications for alerts. Camera, location, clipboard, USB… are denied. */
export const allowedPermissions: readonly string[] = ['notifications'];

/** True when our own pages ask for a permission the app uses; anything else, from anywhere, is denied. */
export const isPermissionAllowed = (permission: string, requestingUrl: string): boolean => allowedPermissions.includes(permission) && isAppUrl(requestingUrl);

type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

/** Answers every permission request and check of the session: only notifications, only for the app's own pages. */
export function guardPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(isPermissionAllowed(permission, details.requestingUrl)));
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
  // HID, serial and USB devices are never offered to a page.
  session.setDevicePermissionHandler(() => false);
}

type GuardedContents = Pick<WebContents, 'on'>;

/**
 * Keeps every frame of the window on the app: a link, a server redirect or a frame navigating elsewhere is
 * stopped before it loads (links to the web open in the browser through the window-open handler instead).
 */
export function guardNavigation(contents: GuardedContents): void {
  const stayOnApp = (details: { url: string; preventDefault(): void }) => {
    if (!isAppUrl(details.url)) details.preventDefault();
  };
  contents.on('will-navigate', stayOnApp);
  contents.on('will-redirect', stayOnApp);
  contents.on('will-frame-navigate', (details) => {
    if (!isOwnBlobInSubframe(details)) stayOnApp(details);
  });
}

/** A frame inside the page showing a blob the app's own page made (the invoice PDF preview); never the window itself. */
const isOwnBlobInSubframe = (details: { url: string; isMainFrame?: boolean }): boolean =>
  details.isMainFrame === false && details.url.startsWith(`blob:${appOrigin}/`);
