/** Where the HTTP API answers: this page's own server in a browser; the desktop app serves none, so `npm run serve`'s address. */
export const apiOrigin = (): string => (window.api ? 'http://127.0.0.1:PORT' : window.location.origin);
