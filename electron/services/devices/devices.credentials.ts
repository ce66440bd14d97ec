import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { holdingPool, minerCredentials, sites } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { ParsedInputOf } from '../../contract/define';
import type { HoldingPool, MinerCredential, MinerFamilyName } from '../../contract/devices';
import { AppError } from '../../contract/errors';
import { recordAudit } from '../audit/record-audit';
import type { Credentials } from '../discovery/drivers/types';
import type { SecretBox } from '../secrets/secret-box';
import { requireById } from '../require-row';

type CredentialRow = typeof minerCredentials.$inferSelect;

/** What the audit keeps of a login: its scope and user name, never the password. */
const auditedLogin = (row: Pick<CredentialRow, 'siteId' | 'family' | 'username'>) => ({ siteId: row.siteId, family: row.family, username: row.username });

function toCredential(row: CredentialRow, siteName: string | null): MinerCredential {
  return {
    id: row.id,
    siteId: row.siteId,
    siteName,
    family: row.family as MinerFamilyName | null,
    username: row.username,
    hasPassword: true,
    updatedAt: row.updatedAt,
  };
}

/** Every stored login, the most specific scope first (site and family, family, site, neither). */
export function listCredentials(db: DbOrTx): MinerCredential[] {
  return db
    .select({ row: minerCredentials, siteName: sites.name })
    .from(minerCredentials)
    .leftJoin(sites, eq(sites.id, minerCredentials.siteId))
    .orderBy(sql`${minerCredentials.siteId} IS NULL`, sql`${minerCredentials.family} IS NULL`, sites.name, minerCredentials.family)
    .all()
    .map(({ row, siteName }) => toCredential(row, siteName));
}

const scopeWhere = (siteId: number | null, family: string | null) =>
  sql`coalesce(${minerCredentials.siteId}, 0) = ${siteId ?? 0} AND coalesce(${minerCredentials.family}, '') = ${family ?? ''}`;

/** Saves the login of one scope; a new scope needs a password, an existing one keeps its password when none is given. */
export function setCredential(db: DbOrTx, input: ParsedInputOf<Contract['devices.credentials.set']>, secrets: SecretBox, actor: string): MinerCredential {
  return db.transaction((tx) => {
    const site = input.siteId === null ? null : tx.select({ name: sites.name }).from(sites).where(eq(sites.id, input.siteId)).get();
    if (site === undefined) throw new AppError('NOT_FOUND', `Site #${input.siteId} does not exist. Pick a site from the list.`, { siteId: 'is not a site' });
    const before = tx.select().from(minerCredentials).where(scopeWhere(input.siteId, input.family)).get();
    if (!before && input.password === undefined) {
      throw new AppError('INVALID_INPUT', 'Give the password for this new login.', { password: 'is required for a new login' });
    }
    const values = {
      siteId: input.siteId,
      family: input.family,
      username: input.username,
      passwordEnc: input.password === undefined ? before!.passwordEnc : secrets.seal(input.password),
      updatedAt: new Date().toISOString(),
    };
    const row = before
      ? tx.update(minerCredentials).set(values).where(eq(minerCredentials.id, before.id)).returning().get()
      : tx.insert(minerCredentials).values(values).returning().get();
    recordAudit(tx, {
      actor,
      action: before ? 'miner_login.updated' : 'miner_login.created',
      entity: 'miner_login',
      entityId: row.id,
      before: before ? { ...auditedLogin(before), passwordChanged: false } : undefined,
      after: { ...auditedLogin(row), passwordChanged: input.password !== undefined },
    });
    return toCredential(row, site?.name ?? null);
  });
}

export function deleteCredential(db: DbOrTx, id: number, actor: string): { deleted: true } {
  return db.transaction((tx) => {
    const before = requireById(tx, minerCredentials, id, 'Login', 'It may have been deleted already.');
    tx.delete(minerCredentials).where(eq(minerCredentials.id, id)).run();
    recordAudit(tx, { actor, action: 'miner_login.deleted', entity: 'miner_login', entityId: id, before: auditedLogin(before) });
    return { deleted: true };
  });
}

/** The login for a miner, or an explanation of why its stored login cannot be used. */
export type ResolvedLogin = { ok: true; credentials: Credentials | null } | { ok: false; message: string };

const scopeKey = (siteId: number | null, family: string | null) => `${siteId ?? 0}|${family ?? ''}`;

/** The scopes that fit a miner, most specific first: site + family, family, site, neither. */
const fittingScopes = (siteId: number | null, family: string) => [
  scopeKey(siteId, family),
  scopeKey(null, family),
  scopeKey(siteId, null),
  scopeKey(null, null),
];

/**
 * Reads every stored login once (a run's worth) and picks, per miner, the most specific that fits.
 * None: the drivers try the factory login.
 */
export function loadLoginResolver(db: DbOrTx, secrets: SecretBox): (siteId: number | null, family: string) => ResolvedLogin {
  const byScope = new Map(
    db
      .select()
      .from(minerCredentials)
      .all()
      .map((row) => [scopeKey(row.siteId, row.family), row]),
  );
  const opened = new Map<number, ResolvedLogin>();
  return (siteId, family) => {
    const row = fittingScopes(siteId, family)
      .map((key) => byScope.get(key))
      .find((found) => found !== undefined);
    if (!row) return { ok: true, credentials: null };
    let login = opened.get(row.id);
    if (!login) {
      try {
        login = { ok: true, credentials: { username: row.username, password: secrets.open(row.passwordEnc) } };
      } catch {
        login = {
          ok: false,
          message: `The stored login "${row.username}" could not be opened (the data folder's key changed). Set its password again in Settings › Miner access.`,
        };
      }
      opened.set(row.id, login);
    }
    return login;
  };
}

/** Whether a miner of this site and family has a stored login (for the confirmation); opens no password. */
export function hasLoginFor(rows: readonly Pick<CredentialRow, 'siteId' | 'family'>[]): (siteId: number | null, family: string) => boolean {
  const scopes = new Set(rows.map((row) => scopeKey(row.siteId, row.family)));
  return (siteId, family) => fittingScopes(siteId, family).some((key) => scopes.has(key));
}

export function getHoldingPool(db: DbOrTx): HoldingPool | null {
  const row = db.select().from(holdingPool).where(eq(holdingPool.id, 1)).get();
  return row ? { url: row.url, worker: row.worker, hasPassword: true, updatedAt: row.updatedAt } : null;
}

export function setHoldingPool(db: DbOrTx, input: ParsedInputOf<Contract['devices.holdingPool.set']>, secrets: SecretBox, actor: string): HoldingPool {
  return db.transaction((tx) => {
    const before = tx.select().from(holdingPool).where(eq(holdingPool.id, 1)).get();
    const values = {
      url: input.url,
      worker: input.worker,
      // Pools accept any password for most accounts; "x" is the convention when none is given.
      passwordEnc: input.password !== undefined ? secrets.seal(input.password) : (before?.passwordEnc ?? secrets.seal('x')),
      updatedAt: new Date().toISOString(),
    };
    tx.insert(holdingPool)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: holdingPool.id, set: values })
      .run();
    recordAudit(tx, {
      actor,
      action: 'holding_pool.set',
      entity: 'holding_pool',
      entityId: 1,
      before: before ? { url: before.url, worker: before.worker } : undefined,
      after: { url: values.url, worker: values.worker, passwordChanged: input.password !== undefined },
    });
    return { url: values.url, worker: values.worker, hasPassword: true, updatedAt: values.updatedAt };
  });
}

/** The holding pool with its password, for the moment a redirect sends it; null when none is set. */
export function readHoldingPool(db: DbOrTx, secrets: SecretBox): { url: string; worker: string; password: string } | null {
  const row = db.select().from(holdingPool).where(eq(holdingPool.id, 1)).get();
  if (!row) return null;
  try {
    return { url: row.url, worker: row.worker, password: secrets.open(row.passwordEnc) };
  } catch {
    throw new AppError('CONFLICT', 'The holding pool password could not be opened (the data folder key changed). Set it again in Settings › Miner access.');
  }
}
