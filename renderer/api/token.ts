const storageKey = 'hashdesk.token';

/**
 * True when a browser opened the office-network server (`npm run serve -- --host …`): the loopback server answers only
 * 127.0.0.1 and localhost, so a page from any other host came from it. There, the page has no token: the person signs in,
 * and the session rides an HttpOnly cookie the page's scripts never see.
 */
export const servedOnOfficeNetwork = (): boolean => !window.api && window.location.hostname !== '127.0.0.1' && window.location.hostname !== 'localhost';

/**
 * The HTTP transport's access token. `npm run serve` prints the address with `#token=…`; the page
 * keeps it for this tab and removes it from the address bar so it is not bookmarked or shared.
 */
export function readAccessToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(storageKey, decodeURIComponent(match[1]));
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(storageKey);
}
