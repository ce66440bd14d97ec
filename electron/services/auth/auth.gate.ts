import type { CallContext, CallName } from '../../contract';
import { failure, type Outcome } from '../../contract/errors';
import { anonymousPermissions } from '../../contract/permissions';
import { procedurePermissions } from '../../contract/procedure-permissions';
import { readSettingsRow } from '../settings/settings.service';
import { accountsExist } from './auth.accounts';
import { addressPaused, recordAddressPaused } from './auth.address-throttle';
import { lookUpApiToken } from './auth.api-tokens';
import { type AuthService, effectivePermissions, workstationPermissions } from './auth.service';
import { type CallSource, lookUpSession, sessionEndedSentence } from './auth.sessions';

/** Everything a transport puts in a call's context but its log. */
export type Caller = Omit<CallContext, 'log'>;

/**
 * Who is calling, for every transport (the session token from a header today, a cookie later): on a workstation
 * without accounts, the local operator with every permission, as before accounts existed; once one exists, the
 * person of a live session with their role's permissions. Without a live session only the procedures open to anyone
 * (status, signing in) run; the rest are refused UNAUTHORIZED with why the session no longer works.
 */
export function callerOf(auth: AuthService, name: CallName, sessionToken: string | null, source: CallSource, operator: string): Outcome<Caller> {
  const { db } = auth;
  const noSession = { session: null, sessionNotice: null, ...source };
  if (!accountsExist(db)) return { ok: true, value: { actor: operator, permissions: workstationPermissions(), origin: noSession } };
  if (sessionToken) {
    const found = lookUpSession(db, sessionToken, auth.now());
    if (found.live) {
      const { person, sessionId } = found;
      return {
        ok: true,
        value: { actor: person.name, permissions: effectivePermissions(db, person), origin: { ...noSession, session: { id: sessionId, staffId: person.id } } },
      };
    }
    const notice = sessionEndedSentence(found.reason, found.idleLockMinutes);
    if (procedurePermissions[name] !== 'anyone') return failure('UNAUTHORIZED', notice);
    return { ok: true, value: { actor: 'not signed in', permissions: anonymousPermissions, origin: { ...noSession, sessionNotice: notice } } };
  }
  if (procedurePermissions[name] !== 'anyone') return failure('UNAUTHORIZED', 'Sign in first: this workstation has user accounts.');
  return { ok: true, value: { actor: 'not signed in', permissions: anonymousPermissions, origin: noSession } };
}

/**
 * Who calls with a personal API token: its person, with their role's permissions as they are at this call (a changed
 * role or a disabled login applies at once), and no session. A token that does not work is refused UNAUTHORIZED with why.
 * Tokens not known here are counted per address: an address that sends too many is refused every token for a while.
 */
export function callerOfApiToken(auth: AuthService, token: string, source: CallSource): Outcome<Caller> {
  const now = auth.now();
  const refusedFromAddress = (until: string) =>
    failure('UNAUTHORIZED', addressPaused('API tokens', source.address, until, now, readSettingsRow(auth.db).timeZone).message);
  const pausedUntil = auth.apiTokenThrottle.pausedUntil(source.address);
  if (pausedUntil) return refusedFromAddress(pausedUntil);
  const found = lookUpApiToken(auth.db, token, now);
  if (!found.live) {
    const noted = found.known ? null : auth.apiTokenThrottle.fail(source.address);
    if (noted?.startedPause) recordAddressPaused(auth.db, 'API tokens', source.address, noted);
    return noted?.pausedUntil ? refusedFromAddress(noted.pausedUntil) : failure('UNAUTHORIZED', found.sentence);
  }
  const { person, tokenId } = found;
  const origin = { session: null, sessionNotice: null, apiToken: { id: tokenId, staffId: person.id }, ...source };
  return { ok: true, value: { actor: person.name, permissions: effectivePermissions(auth.db, person), origin } };
}
