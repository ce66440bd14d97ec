const storageKey = 'hashdesk.token';

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
