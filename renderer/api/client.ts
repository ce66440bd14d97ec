import type { CallName, Input, Result } from '../../electron/contract';
import type { ApiError, Outcome } from '../../electron/contract/errors';
import { dropSession, readSession } from './session';
import { readAccessToken, servedOnOfficeNetwork } from './token';

/** A failed call, thrown by the query hooks so TanStack Query can hold it. */
export class ApiCallError extends Error {
  constructor(readonly apiError: ApiError) {
    super(apiError.message);
  }
}

const transportFailure = (message: string): Outcome<never> => ({ ok: false, error: { code: 'INTERNAL', message } });

/** On the office network the cookie says who calls (same-origin fetches send it); on 127.0.0.1 the token and the session header. */
function credentialHeaders(session: string | null): Record<string, string> | null {
  if (servedOnOfficeNetwork()) return {};
  const token = readAccessToken();
  return token ? { authorization: `Bearer ${token}`, ...(session ? { 'x-hashdesk-session': session } : {}) } : null;
}

async function invokeOverHttp(name: string, input: unknown, session: string | null): Promise<unknown> {
  const credentials = credentialHeaders(session);
  if (!credentials)
    return { ok: false, error: { code: 'UNAUTHORIZED', message: 'This page has no access token. Open the address that `npm run serve` printed.' } };
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...credentials },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return transportFailure('Hashdesk is not answering. Check that `npm run serve` is still running.');
  }
  try {
    return await response.json();
  } catch {
    return transportFailure(`Hashdesk answered with HTTP ${response.status} and no readable reply.`);
  }
}

/** Calls one API procedure over IPC in the desktop app, or over loopback HTTP in a browser, with the tab's session. Never throws. */
export async function invoke<K extends CallName>(name: K, input: Input<K>): Promise<Outcome<Result<K>>> {
  const session = readSession();
  const raw = (window.api ? await window.api.invoke(name, input, session) : await invokeOverHttp(name, input, session)) as Outcome<Result<K>>;
  // The session ended (idle lock, signed out elsewhere, a reset): forget it, and the gate shows the sign-in screen.
  if (session && !raw.ok && raw.error.code === 'UNAUTHORIZED' && session === readSession()) dropSession();
  return raw;
}

/** Like invoke, but returns the value or throws ApiCallError: for query functions. */
export async function invokeOrThrow<K extends CallName>(name: K, input: Input<K>): Promise<Result<K>> {
  const outcome = await invoke(name, input);
  if (!outcome.ok) throw new ApiCallError(outcome.error);
  return outcome.value;
}
