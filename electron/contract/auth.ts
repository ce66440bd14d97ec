import { z } from 'zod';
import { idleLockMinutesSchema, loginSchema, passwordSchema } from './auth.vocab';
import { call } from './define';
import { idSchema, nameText, optionalText } from './fields';
import { type GrantablePermission, grantablePermissions, type Permission } from './permissions';
import { type BuiltInRoleKey, builtInRoleKeySchema } from './roles';

/** A custom role's permission as stored and received: one of the grantable names. (Here, not in permissions.ts, which the renderer's first script reads without zod.) */
export const grantablePermissionSchema = z.enum(grantablePermissions as [GrantablePermission, ...GrantablePermission[]], {
  error: 'is not a known permission',
});

/** The person signed in, as the user menu shows them. */
export type SignedInUser = {
  id: number;
  name: string;
  login: string;
  roleKey: BuiltInRoleKey | null;
  roleId: number | null;
  roleLabel: string;
  /** A client's own viewer: their client (they see its client view only); null for the facility's staff. */
  client: { id: number; name: string } | null;
  /** Their role sees only the clients they manage: their own staff id (clients' manager); null when they see every client. */
  managedClientsOf: number | null;
};

/** What the renderer needs to choose between the app, the sign-in screen and the forced password change. */
export type AuthStatus = {
  /** Some staff member has a login: from then on every call but signing in needs a session. */
  accountsExist: boolean;
  signedIn: boolean;
  user: SignedInUser | null;
  /** The user was given a one-time password and must choose their own before doing anything else. */
  mustChangePassword: boolean;
  permissions: Permission[];
  idleLockMinutes: number;
  /** Why the session the caller sent no longer works ("Your session was locked after 15 minutes…"), or null. */
  sessionNotice: string | null;
};

/** The signed-in user and what they may do; user is null on a workstation without accounts (everything allowed) or before signing in. */
export type Me = { user: SignedInUser | null; permissions: Permission[] };

/** A new session: the token is shown once and kept by the renderer (sessionStorage); only its hash is stored. */
export type SignInResult = { token: string; status: AuthStatus };

/** A staff member as the Users & roles screen lists them. */
export type UserAccount = {
  staffId: number;
  name: string;
  email: string | null;
  /** An inactive staff member cannot sign in, whatever their login. */
  active: boolean;
  login: string | null;
  roleKey: BuiltInRoleKey | null;
  roleId: number | null;
  roleLabel: string | null;
  loginEnabled: boolean;
  mustChangePassword: boolean;
  failedSignIns: number;
  /** Set while sign-ins are refused after repeated wrong passwords. */
  lockedUntil: string | null;
  lastSignInAt: string | null;
  passwordChangedAt: string | null;
};

/** A role the facility made from the permissions; built-in roles live in roles.ts. */
export type CustomRole = {
  id: number;
  name: string;
  description: string;
  permissions: GrantablePermission[];
  /** Its holders see and change only the clients they manage, and what belongs to those clients. */
  onlyManagedClients: boolean;
  /** Staff members holding it: a role in use cannot be deleted. */
  userCount: number;
  createdAt: string;
  updatedAt: string;
};

/** A one-time password an administrator hands over; shown once, never stored in clear. */
export type PasswordReset = { user: UserAccount; oneTimePassword: string };

/** A built-in role by key, or a custom role by id: exactly one. */
const role = { roleKey: builtInRoleKeySchema.optional(), roleId: idSchema.optional() };
function oneRole(choice: { roleKey?: unknown; roleId?: unknown }, ctx: z.RefinementCtx): void {
  if ((choice.roleKey === undefined) === (choice.roleId === undefined))
    ctx.addIssue({ code: 'custom', message: 'choose either a built-in role or a custom role', path: ['roleKey'] });
}

const credentials = { login: loginSchema, password: passwordSchema };

const customRoleFields = {
  name: nameText(60),
  description: optionalText(300),
  permissions: z
    .array(grantablePermissionSchema, { error: 'must be a list of permissions' })
    .min(1, 'must grant at least one permission')
    .transform((list) => [...new Set(list)]),
  onlyManagedClients: z.boolean({ error: 'must be on or off' }).default(false),
};

export const authCalls = {
  'auth.status': call<AuthStatus>()(z.object({}).strict()),
  'auth.me': call<Me>()(z.object({}).strict()),
  /** Only while no staff member has a login: creates the first administrator and signs them in. */
  'auth.setupAdministrator': call<SignInResult>()(z.object({ name: nameText(120), ...credentials }).strict()),
  'auth.signIn': call<SignInResult>()(z.object(credentials).strict()),
  'auth.signOut': call<{ signedOut: boolean }>()(z.object({}).strict()),
  'auth.changePassword': call<AuthStatus>()(z.object({ currentPassword: passwordSchema, newPassword: passwordSchema }).strict()),
};

export const userCalls = {
  'users.list': call<UserAccount[]>()(z.object({}).strict()),
  /** Gives a staff member a login and a role; the password is required for a first login, optional to rename one. */
  'users.setLogin': call<UserAccount>()(
    z
      .object({
        staffId: idSchema,
        login: loginSchema,
        ...role,
        password: passwordSchema.optional(),
        /** The person chooses their own password at their first sign-in (on unless the administrator turns it off). */
        mustChangePassword: z.boolean({ error: 'must be on or off' }).default(true),
      })
      .strict()
      .superRefine(oneRole),
  ),
  /** A one-time password the person must change at their next sign-in; their sessions end. */
  'users.resetPassword': call<PasswordReset>()(z.object({ staffId: idSchema }).strict()),
  'users.setRole': call<UserAccount>()(
    z
      .object({ staffId: idSchema, ...role })
      .strict()
      .superRefine(oneRole),
  ),
  /** The login stays but is refused; the person's sessions end. */
  'users.disableLogin': call<UserAccount>()(z.object({ staffId: idSchema }).strict()),
  'users.enableLogin': call<UserAccount>()(z.object({ staffId: idSchema }).strict()),
  /** Minutes without activity after which a session locks. */
  'users.idleLock.update': call<{ idleLockMinutes: number }>()(z.object({ idleLockMinutes: idleLockMinutesSchema }).strict()),
};

export const roleCalls = {
  'roles.list': call<CustomRole[]>()(z.object({}).strict()),
  'roles.create': call<CustomRole>()(z.object(customRoleFields).strict()),
  /** Replaces every field: send the whole form. */
  'roles.update': call<CustomRole>()(z.object({ id: idSchema, ...customRoleFields }).strict()),
  'roles.delete': call<{ deleted: number }>()(z.object({ id: idSchema }).strict()),
};

/** Who is signed in behind a call, and where it came from (for the sign-in's audit row); set by the transports. */
export type CallOrigin = {
  session: { id: number; staffId: number } | null;
  /** The personal API token the call came with (it acts as its staff member, without a session). */
  apiToken?: { id: number; staffId: number };
  /** Why the session the caller sent no longer works, or null. */
  sessionNotice: string | null;
  userAgent: string | null;
  address: string | null;
};
