import { z } from 'zod';

/** Words of the accounts domain shared by the schema, the services and the renderer. */

/** Minutes without activity after which a session locks, unless Settings say otherwise. */
export const idleLockMinutesDefault = 15;

export const idleLockMinutesSchema = z
  .number({ error: 'must be a number of minutes' })
  .int('must be a whole number of minutes')
  .min(1, 'must be at least 1 minute')
  .max(720, 'must be at most 720 minutes (12 hours)');

export const minPasswordLength = 10;
export const maxPasswordLength = 200;

/** A login as typed: trimmed, lower-cased so "Maria" and "maria" are one login. */
export const loginSchema = z
  .string({ error: 'is required' })
  .trim()
  .toLowerCase()
  .min(3, 'must be at least 3 characters')
  .max(40, 'must be at most 40 characters')
  .regex(/^[a-z0-9][a-z0-9._@-]*$/, 'may use only letters, digits and . _ @ - (starting with a letter or digit)');

/** What is wrong with a new password, as a sentence part after "The password", or null when it is acceptable. */
export function passwordProblem(password: string, login: string | null): string | null {
  if (password.length < minPasswordLength) return `must be at least ${minPasswordLength} characters long`;
  if (password.length > maxPasswordLength) return `must be at most ${maxPasswordLength} characters long`;
  if (password.trim() !== password) return 'must not start or end with a space';
  if (login && password.toLowerCase().includes(login.toLowerCase())) return 'must not contain the login';
  if (new Set(password).size < 4) return 'must use at least 4 different characters';
  return null;
}

/** A password as received: only its length is checked here; passwordProblem checks it against the login in the service. */
export const passwordSchema = z
  .string({ error: 'is required' })
  .min(1, 'is required')
  .max(maxPasswordLength, `must be at most ${maxPasswordLength} characters long`);

/** Why a session ended: the person signed out, it sat idle, or an administrator or a password change ended it. */
export const sessionEndReasons = ['signed_out', 'idle', 'password_changed', 'password_reset', 'login_disabled', 'login_changed'] as const;
export type SessionEndReason = (typeof sessionEndReasons)[number];
