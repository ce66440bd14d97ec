import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { apiTokens, staff } from '../../../db/schema';
import type { Contract } from '../../contract';
import { type ApiToken, apiTokenMarker, type CreatedApiToken } from '../../contract/api';
import type { ParsedInputOf } from '../../contract/define';
import { AppError } from '../../contract/errors';
import { roleDoesNotAllow } from '../../contract/permissions';
import { recordAudit } from '../audit/record-audit';
import { requireFound } from '../require-row';
import { accountsExist, canSignIn, requireStaff, type StaffRow } from './auth.accounts';
import type { AuthService } from './auth.service';
import { tokenHash } from './auth.sessions';

type ApiTokenRow = typeof apiTokens.$inferSelect;

/** Who manages tokens: their staff member (null: the local operator of a workstation without accounts), and how they call. */
export type TokenHolder = { actor: string; staffId: number | null; viaApiToken: boolean; administersUsers: boolean };

/** Writes to last_used_at at most this often per token: a script calling in a loop costs one write a minute. */
export const touchApiTokenEverySeconds = 60;

/** The random part is 32 bytes; the prefix shows the marker and 8 of its characters, enough to tell tokens apart. */
const prefixLength = apiTokenMarker.length + 8;

export const isPersonalApiToken = (text: string): boolean => text.startsWith(apiTokenMarker);

function stateOf(row: ApiTokenRow, now: Date): ApiToken['state'] {
  if (row.revokedAt) return 'revoked';
  return row.expiresAt !== null && Date.parse(row.expiresAt) <= now.getTime() ? 'expired' : 'active';
}

const toApiToken = (row: ApiTokenRow, ownerName: string, now: Date): ApiToken => ({
  id: row.id,
  staffId: row.staffId,
  ownerName,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.createdAt,
  lastUsedAt: row.lastUsedAt,
  expiresAt: row.expiresAt,
  revokedAt: row.revokedAt,
  state: stateOf(row, now),
});

/** What the change log keeps of a token: never its text or hash. */
const auditView = (row: ApiTokenRow, owner: string) => ({ name: row.name, owner, prefix: row.prefix, expiresAt: row.expiresAt, revokedAt: row.revokedAt });

/** Tokens with the name of the person each acts as. */
const tokensWithOwners = (db: DbOrTx) =>
  db.select({ token: apiTokens, ownerName: staff.name }).from(apiTokens).innerJoin(staff, eq(staff.id, apiTokens.staffId));

const needsUsersAdmin = (what: string) => new AppError('FORBIDDEN', `${roleDoesNotAllow('users.admin')}, which ${what} needs.`);

/** The caller's tokens, newest first, or everyone's for an administrator; never the token text. */
export function listApiTokens(auth: AuthService, input: ParsedInputOf<Contract['apiTokens.list']>, holder: TokenHolder): ApiToken[] {
  if (input.everyone && !holder.administersUsers) throw needsUsersAdmin('listing everyone’s API tokens');
  if (!input.everyone && holder.staffId === null) return [];
  const now = auth.now();
  return tokensWithOwners(auth.db)
    .where(input.everyone ? undefined : eq(apiTokens.staffId, holder.staffId ?? 0))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .all()
    .map(({ token, ownerName }) => toApiToken(token, ownerName, now));
}

function requireTokenOwner(db: DbOrTx, holder: TokenHolder): StaffRow {
  if (holder.staffId === null || !accountsExist(db))
    throw new AppError(
      'CONFLICT',
      'Personal API tokens belong to user accounts, and this workstation has none yet. Create the administrator in Settings › Users & roles first.',
    );
  // A stolen token must not be able to outlive its revocation by minting others.
  if (holder.viaApiToken) throw new AppError('FORBIDDEN', 'A personal API token cannot create other tokens. Sign in and create one in Settings › API.');
  return requireStaff(db, holder.staffId);
}

/** A new token acting as the caller with their role: its text is returned this once, only its SHA-256 is kept. */
export function createApiToken(auth: AuthService, input: ParsedInputOf<Contract['apiTokens.create']>, holder: TokenHolder): CreatedApiToken {
  const now = auth.now();
  return auth.db.transaction((tx) => {
    const owner = requireTokenOwner(tx, holder);
    const sameName = tx
      .select({ id: apiTokens.id })
      .from(apiTokens)
      .where(and(eq(apiTokens.staffId, owner.id), eq(apiTokens.name, input.name), isNull(apiTokens.revokedAt)))
      .get();
    if (sameName)
      throw new AppError('CONFLICT', `You already have a token named “${input.name}”. Choose another name, or revoke that one first.`, {
        name: 'is taken by another of your tokens',
      });
    const secret = `${apiTokenMarker}${randomBytes(32).toString('base64url')}`;
    const expiresAt = input.expiresInDays === undefined ? null : new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString();
    const row = tx
      .insert(apiTokens)
      .values({
        staffId: owner.id,
        name: input.name,
        tokenHash: tokenHash(secret),
        prefix: secret.slice(0, prefixLength),
        createdAt: now.toISOString(),
        expiresAt,
      })
      .returning()
      .get();
    recordAudit(tx, { actor: holder.actor, action: 'api_token.created', entity: 'api_token', entityId: row.id, after: auditView(row, owner.name) });
    return { token: toApiToken(row, owner.name, now), secret };
  });
}

/** Revokes a token for good (its owner's own, or anyone's for an administrator); revoking it again changes nothing. */
export function revokeApiToken(auth: AuthService, id: number, holder: TokenHolder): ApiToken {
  const now = auth.now();
  return auth.db.transaction((tx) => {
    const { token, ownerName } = requireFound(tokensWithOwners(tx).where(eq(apiTokens.id, id)).get(), 'API token', id);
    if (token.staffId !== holder.staffId && !holder.administersUsers) throw needsUsersAdmin('revoking another person’s API token');
    if (token.revokedAt) return toApiToken(token, ownerName, now);
    const revoked = tx.update(apiTokens).set({ revokedAt: now.toISOString() }).where(eq(apiTokens.id, id)).returning().get();
    recordAudit(tx, {
      actor: holder.actor,
      action: 'api_token.revoked',
      entity: 'api_token',
      entityId: id,
      before: auditView(token, ownerName),
      after: auditView(revoked, ownerName),
    });
    return toApiToken(revoked, ownerName, now);
  });
}

/** A token that works, with the person it acts as; or the sentence saying why it does not, and whether it is one of ours at all. */
export type ApiTokenLookup = { live: true; tokenId: number; person: StaffRow } | { live: false; known: boolean; sentence: string };

const utcMinute = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/**
 * The one place a personal API token is checked: known, not revoked, not expired, and its person may still sign in
 * (their role is read afresh on every call by the gate). Notes its use at most once a minute.
 */
export function lookUpApiToken(db: DbOrTx, text: string, now: Date): ApiTokenLookup {
  const found = isPersonalApiToken(text)
    ? db
        .select()
        .from(apiTokens)
        .innerJoin(staff, eq(staff.id, apiTokens.staffId))
        .where(eq(apiTokens.tokenHash, tokenHash(text)))
        .get()
    : undefined;
  if (!found)
    return { live: false, known: false, sentence: 'This API token is not known here: check that it was copied whole, or create a new one in Settings › API.' };
  const { api_tokens: token, staff: person } = found;
  const named = `The API token “${token.name}” of ${person.name}`;
  if (token.revokedAt)
    return { live: false, known: true, sentence: `${named} was revoked at ${utcMinute(token.revokedAt)}. Create a new one in Settings › API.` };
  if (stateOf(token, now) === 'expired')
    return { live: false, known: true, sentence: `${named} expired at ${utcMinute(token.expiresAt ?? '')}. Create a new one in Settings › API.` };
  if (!canSignIn(person))
    return { live: false, known: true, sentence: `${named} no longer works: their login is disabled or they were made inactive. Ask an administrator.` };
  if (token.lastUsedAt === null || now.getTime() - Date.parse(token.lastUsedAt) >= touchApiTokenEverySeconds * 1000)
    db.update(apiTokens).set({ lastUsedAt: now.toISOString() }).where(eq(apiTokens.id, token.id)).run();
  return { live: true, tokenId: token.id, person };
}
