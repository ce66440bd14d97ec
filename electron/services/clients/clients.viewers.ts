import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { staff } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { ParsedInputOf } from '../../contract/define';
import { AppError } from '../../contract/errors';
import type { ClientViewer } from '../../contract/portal';
import { recordAudit } from '../audit/record-audit';
import { accountsExist, assertLoginFree, type StaffRow } from '../auth/auth.accounts';
import { assertPasswordAcceptable, hashPassword } from '../auth/auth.password';
import type { AuthService } from '../auth/auth.service';
import { disableLogin, enableLogin, type Administrator } from '../auth/auth.users';
import { assertEmailFree } from '../staff/staff.service';
import { requireClient } from './clients.guards';

/**
 * A client's own viewers: people of the client (staff rows carrying its id) with a login to the client view. Made
 * here with the login in one step; turned off and on, reset and unlocked like any login (auth.users).
 */

const toViewer = (row: StaffRow): ClientViewer => ({
  staffId: row.id,
  name: row.name,
  email: row.email,
  login: row.login,
  enabled: row.active && row.login !== null && row.loginDisabledAt === null,
  lastSignInAt: row.lastSignInAt,
});

export function listClientViewers(db: DbOrTx, clientId: number): ClientViewer[] {
  requireClient(db, clientId);
  return db.select().from(staff).where(eq(staff.clientId, clientId)).orderBy(asc(staff.name)).all().map(toViewer);
}

/** The viewer behind a staff id, refused when the person is one of the facility's staff. */
function requireViewer(db: DbOrTx, staffId: number): StaffRow {
  const row = db
    .select()
    .from(staff)
    .where(and(eq(staff.id, staffId), isNotNull(staff.clientId)))
    .get();
  if (!row) throw new AppError('NOT_FOUND', `Client viewer ${staffId} was not found. Reload the client and try again.`);
  return row;
}

export async function createClientViewer(
  auth: AuthService,
  input: ParsedInputOf<Contract['clients.viewers.create']>,
  by: Administrator,
): Promise<ClientViewer> {
  const { db } = auth;
  const client = requireClient(db, input.clientId);
  if (!accountsExist(db)) throw new AppError('CONFLICT', 'No one has a login yet. Create the administrator first, then give clients their viewer logins.');
  assertPasswordAcceptable(input.password, input.login, 'password');
  const passwordHash = await hashPassword(input.password);
  const at = auth.now().toISOString();
  return db.transaction((tx) => {
    assertLoginFree(tx, input.login, null);
    const email = input.email ?? null;
    assertEmailFree(tx, email, null);
    const row = tx
      .insert(staff)
      .values({
        name: input.name,
        email,
        clientId: client.id,
        login: input.login,
        passwordHash,
        mustChangePassword: input.mustChangePassword,
        passwordChangedAt: at,
        createdAt: at,
        updatedAt: at,
      })
      .returning()
      .get();
    recordAudit(tx, {
      actor: by.actor,
      action: 'staff.viewer_created',
      entity: 'staff',
      entityId: row.id,
      after: { name: row.name, email: row.email, clientId: client.id, login: row.login, mustChangePassword: row.mustChangePassword, passwordSet: true },
    });
    return toViewer(row);
  });
}

/** Off: the login is kept but refused and the viewer's sessions end; on: they may sign in again. */
export function setClientViewerEnabled(auth: AuthService, input: ParsedInputOf<Contract['clients.viewers.setEnabled']>, by: Administrator): ClientViewer {
  requireViewer(auth.db, input.staffId);
  if (input.enabled) enableLogin(auth, input.staffId, by);
  else disableLogin(auth, input.staffId, by);
  return toViewer(requireViewer(auth.db, input.staffId));
}
