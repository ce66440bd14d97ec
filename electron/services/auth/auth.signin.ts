import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { staff } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { AuthStatus, CallOrigin, SignInResult } from '../../contract/auth';
import type { ParsedInputOf } from '../../contract/define';
import { AppError } from '../../contract/errors';
import { recordAudit } from '../audit/record-audit';
import { readSettingsRow } from '../settings/settings.service';
import { accountsExist, canSignIn, requireStaff, type StaffRow } from './auth.accounts';
import { addressPaused, recordAddressPaused } from './auth.address-throttle';
import { accountView } from './auth.audit-view';
import { isLocked, lockedOut, lockedUntilAfter } from './auth.lockout';
import { assertPasswordAcceptable, decoyHash, hashPassword, needsRehash, verifyPassword } from './auth.password';
import { type AuthService, statusFor } from './auth.service';
import { type CallSource, endSession, endSessionsOf, openSession } from './auth.sessions';

const wrongPassword = 'The login or the password is wrong. Check both and try again.';

const timeZoneOf = (auth: AuthService) => readSettingsRow(auth.db).timeZone;

/** Counts a wrong password against a login someone has, and pauses it after too many: when it may sign in again, or null. */
function countWrongPassword(tx: DbOrTx, person: StaffRow, now: Date, source: CallSource): string | null {
  const failed = tx
    .update(staff)
    .set({ failedSignIns: sql`${staff.failedSignIns} + 1` })
    .where(eq(staff.id, person.id))
    .returning({ failedSignIns: staff.failedSignIns })
    .get();
  const until = lockedUntilAfter(failed.failedSignIns, now);
  if (until) {
    tx.update(staff).set({ lockedUntil: until }).where(eq(staff.id, person.id)).run();
    recordAudit(tx, {
      actor: `someone at ${source.address ?? 'this computer'}`,
      action: 'staff.locked_out',
      entity: 'staff',
      entityId: person.id,
      after: { failedSignIns: failed.failedSignIns, lockedUntil: until },
    });
  }
  return until;
}

/**
 * Counts a wrong password against the login (or against a login nobody has, in memory) and against the caller's
 * address, and throws the refusal: the address's pause when this failure started one, else the login's, else wrong.
 */
function refuseWrongPassword(auth: AuthService, login: string, person: StaffRow | undefined, source: CallSource): never {
  const now = auth.now();
  const fromAddress = auth.signInThrottle.fail(source.address);
  const lockedUntil = auth.db.transaction((tx) => {
    if (fromAddress.startedPause) recordAddressPaused(tx, 'sign-ins', source.address, fromAddress);
    return person ? countWrongPassword(tx, person, now, source) : auth.unknownLogins.fail(login, now).lockedUntil;
  });
  if (fromAddress.pausedUntil) throw addressPaused('sign-ins', source.address, fromAddress.pausedUntil, now, timeZoneOf(auth));
  if (lockedUntil) throw lockedOut(lockedUntil, now, timeZoneOf(auth));
  throw new AppError('UNAUTHORIZED', wrongPassword);
}

const findByLogin = (auth: AuthService, login: string): StaffRow | undefined => auth.db.select().from(staff).where(eq(staff.login, login)).get();

/**
 * Checks a password against a login with the same cost whether or not the login exists, pausing a login after
 * repeated wrong passwords and an address after many; returns the person only when the password is right and neither
 * the login nor the caller's address is paused (a paused address is refused before any password is checked).
 */
async function checkPassword(auth: AuthService, login: string, password: string, source: CallSource): Promise<StaffRow> {
  const addressPausedUntil = auth.signInThrottle.pausedUntil(source.address);
  if (addressPausedUntil) throw addressPaused('sign-ins', source.address, addressPausedUntil, auth.now(), timeZoneOf(auth));
  const person = findByLogin(auth, login);
  const lockedUntil = person ? person.lockedUntil : auth.unknownLogins.get(login).lockedUntil;
  if (isLocked(lockedUntil, auth.now())) throw lockedOut(lockedUntil, auth.now(), timeZoneOf(auth));
  const matches = await verifyPassword(password, person?.passwordHash ?? (await decoyHash()));
  if (!person || !person.passwordHash || !matches) refuseWrongPassword(auth, login, person, source);
  return person;
}

export async function signIn(auth: AuthService, input: ParsedInputOf<Contract['auth.signIn']>, source: CallSource): Promise<SignInResult> {
  if (!accountsExist(auth.db)) {
    throw new AppError('CONFLICT', 'No one has a login on this workstation yet. Create the administrator first (Settings › Users & roles).');
  }
  const checked = await checkPassword(auth, input.login, input.password, source);
  const rehashed = needsRehash(checked.passwordHash ?? '') ? await hashPassword(input.password) : null;
  const now = auth.now();
  return auth.db.transaction((tx) => {
    const person = requireStaff(tx, checked.id);
    // Another attempt may have locked the login, or an administrator changed the password, while this one was hashing.
    if (isLocked(person.lockedUntil, now)) throw lockedOut(person.lockedUntil, now, timeZoneOf(auth));
    if (person.passwordHash !== checked.passwordHash) throw new AppError('UNAUTHORIZED', wrongPassword);
    if (!canSignIn(person)) throw new AppError('FORBIDDEN', 'This login is disabled. Ask an administrator to enable it.');
    const signedIn = tx
      .update(staff)
      .set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: now.toISOString(), ...(rehashed ? { passwordHash: rehashed } : {}) })
      .where(eq(staff.id, person.id))
      .returning()
      .get();
    const session = openSession(tx, person.id, source, now);
    recordAudit(tx, { actor: person.name, action: 'staff.signed_in', entity: 'staff', entityId: person.id, after: { ...source, sessionId: session.id } });
    return { token: session.token, status: statusFor(tx, signedIn, null) };
  });
}

export function signOut(auth: AuthService, origin: CallOrigin | undefined): { signedOut: boolean } {
  const session = origin?.session;
  if (!session) return { signedOut: false };
  auth.db.transaction((tx) => {
    const person = requireStaff(tx, session.staffId);
    endSession(tx, session.id, 'signed_out', auth.now());
    recordAudit(tx, { actor: person.name, action: 'staff.signed_out', entity: 'staff', entityId: person.id, after: { sessionId: session.id } });
  });
  return { signedOut: true };
}

/** The first run: only while no staff member has a login, creates the administrator and signs them in. */
export async function setupAdministrator(
  auth: AuthService,
  input: ParsedInputOf<Contract['auth.setupAdministrator']>,
  source: CallSource,
): Promise<SignInResult> {
  const alreadySetUp = () => new AppError('CONFLICT', 'This workstation already has an administrator. Sign in, or ask an administrator for a login.');
  if (accountsExist(auth.db)) throw alreadySetUp();
  assertPasswordAcceptable(input.password, input.login, 'password');
  const passwordHash = await hashPassword(input.password);
  const now = auth.now();
  return auth.db.transaction((tx) => {
    if (accountsExist(tx)) throw alreadySetUp();
    const at = now.toISOString();
    const admin = tx
      .insert(staff)
      .values({
        name: input.name,
        login: input.login,
        passwordHash,
        roleKey: 'administrator',
        passwordChangedAt: at,
        lastSignInAt: at,
        createdAt: at,
        updatedAt: at,
      })
      .returning()
      .get();
    const session = openSession(tx, admin.id, source, now);
    recordAudit(tx, {
      actor: admin.name,
      action: 'staff.administrator_created',
      entity: 'staff',
      entityId: admin.id,
      after: { name: admin.name, ...accountView(tx, admin) },
    });
    return { token: session.token, status: statusFor(tx, admin, null) };
  });
}

/** The signed-in person changes their own password (the current one is needed); their other sessions end. */
export async function changePassword(
  auth: AuthService,
  input: ParsedInputOf<Contract['auth.changePassword']>,
  origin: CallOrigin | undefined,
): Promise<AuthStatus> {
  const session = origin?.session;
  if (!session) throw new AppError('UNAUTHORIZED', 'No one is signed in here, so there is no password to change. Sign in first.');
  const person = requireStaff(auth.db, session.staffId);
  const source = { userAgent: origin.userAgent, address: origin.address };
  try {
    await checkPassword(auth, person.login ?? '', input.currentPassword, source);
  } catch (error) {
    if (error instanceof AppError && error.message === wrongPassword)
      throw new AppError('INVALID_INPUT', 'The current password is wrong.', { currentPassword: 'is wrong' });
    throw error;
  }
  assertPasswordAcceptable(input.newPassword, person.login, 'newPassword');
  if (input.newPassword === input.currentPassword)
    throw new AppError('INVALID_INPUT', 'The new password must differ from the current one.', { newPassword: 'is the current password' });
  const passwordHash = await hashPassword(input.newPassword);
  const now = auth.now();
  return auth.db.transaction((tx) => {
    const changed = tx
      .update(staff)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: now.toISOString(), failedSignIns: 0, lockedUntil: null })
      .where(eq(staff.id, person.id))
      .returning()
      .get();
    endSessionsOf(tx, person.id, 'password_changed', now, session.id);
    recordAudit(tx, {
      actor: person.name,
      action: 'staff.password_changed',
      entity: 'staff',
      entityId: person.id,
      after: { byThemselves: true, ...(person.mustChangePassword ? { replacedOneTimePassword: true } : {}) },
    });
    return statusFor(tx, changed, null);
  });
}
