import type { CallContext } from '../../contract';
import type { authCalls, roleCalls, userCalls } from '../../contract/auth';
import type { DomainHandlers, NamesOf, SharedServices } from '../handler-kit';
import { createRole, deleteRole, listRoles, updateRole } from './auth.roles';
import { authStatus, me } from './auth.service';
import type { CallSource } from './auth.sessions';
import { changePassword, setupAdministrator, signIn, signOut } from './auth.signin';
import { administratorOf, disableLogin, enableLogin, listUsers, resetPassword, setIdleLock, setLogin, setRole } from './auth.users';

type AuthNames = NamesOf<typeof authCalls> | NamesOf<typeof userCalls> | NamesOf<typeof roleCalls>;

const sourceOf = (ctx: CallContext): CallSource => ({ userAgent: ctx.origin?.userAgent ?? null, address: ctx.origin?.address ?? null });
export function authHandlers({ auth }: SharedServices): DomainHandlers<AuthNames> {
  return {
    'auth.status': async (_input, ctx) => authStatus(auth, ctx.origin),
    'auth.me': async (_input, ctx) => me(auth, ctx.origin),
    'auth.setupAdministrator': (input, ctx) => setupAdministrator(auth, input, sourceOf(ctx)),
    'auth.signIn': (input, ctx) => signIn(auth, input, sourceOf(ctx)),
    'auth.signOut': async (_input, ctx) => signOut(auth, ctx.origin),
    'auth.changePassword': (input, ctx) => changePassword(auth, input, ctx.origin),

    'users.list': async () => listUsers(auth),
    'users.setLogin': (input, ctx) => setLogin(auth, input, administratorOf(ctx)),
    'users.resetPassword': (input, ctx) => resetPassword(auth, input.staffId, administratorOf(ctx)),
    'users.setRole': async (input, ctx) => setRole(auth, input, administratorOf(ctx)),
    'users.disableLogin': async (input, ctx) => disableLogin(auth, input.staffId, administratorOf(ctx)),
    'users.enableLogin': async (input, ctx) => enableLogin(auth, input.staffId, administratorOf(ctx)),
    'users.idleLock.update': async (input, ctx) => setIdleLock(auth, input.idleLockMinutes, administratorOf(ctx)),

    'roles.list': async () => listRoles(auth.db),
    'roles.create': async (input, ctx) => createRole(auth.db, input, administratorOf(ctx)),
    'roles.update': async (input, ctx) => updateRole(auth.db, input, administratorOf(ctx)),
    'roles.delete': async (input, ctx) => deleteRole(auth.db, input.id, administratorOf(ctx)),
  };
}
