import { z } from 'zod';
import { type GrantablePermission, grantablePermissions, type Permission, signedInPermissions } from './permissions';

/** A built-in role: its name on screen, what it is for, and what it may do. */
export type BuiltInRole = { label: string; description: string; permissions: readonly GrantablePermission[] };

const viewPermissions = grantablePermissions.filter((permission) => permission.endsWith('.view'));

/** The roles every facility starts with (the office: a manager, a billing clerk, technicians, viewers). */
export const builtInRoles = {
  administrator: {
    label: 'Administrator',
    description: 'Everything, including users, roles, settings and restoring backups.',
    permissions: grantablePermissions,
  },
  manager: {
    label: 'Manager',
    description: 'Looks after clients and their contracts; sees billing, reports and the fleet.',
    permissions: [
      'dashboard.view',
      'clients.view',
      'clients.edit',
      'contracts.view',
      'contracts.edit',
      'billing.view',
      'reports.view',
      'fleet.view',
      'power.view',
      'tasks.view',
      'monitoring.view',
      'mail.view',
      'mail.send',
      'audit.view',
    ],
  },
  billing: {
    label: 'Billing',
    description: 'Invoices, payments and reports; sees clients, contracts, the miners they bill and metered power.',
    permissions: [
      'dashboard.view',
      'billing.view',
      'billing.edit',
      'reports.view',
      'clients.view',
      'contracts.view',
      'fleet.view',
      'power.view',
      'mail.view',
      'audit.view',
    ],
  },
  technician: {
    label: 'Technician',
    description: 'Miners, discovery, power, tasks, monitoring and device actions; sees clients.',
    permissions: [
      'dashboard.view',
      'fleet.view',
      'fleet.edit',
      'discovery.run',
      'power.view',
      'power.edit',
      'tasks.view',
      'tasks.edit',
      'devices.act',
      'monitoring.view',
      'monitoring.edit',
      'clients.view',
      'audit.view',
    ],
  },
  viewer: {
    label: 'Viewer',
    description: 'Sees everything that has a view permission and changes nothing.',
    permissions: viewPermissions,
  },
} as const satisfies Record<string, BuiltInRole>;

export type BuiltInRoleKey = keyof typeof builtInRoles;

export const builtInRoleKeys = Object.keys(builtInRoles) as BuiltInRoleKey[];

export const builtInRoleKeySchema = z.enum(builtInRoleKeys as [BuiltInRoleKey, ...BuiltInRoleKey[]], { error: 'is not a built-in role' });

export const isBuiltInRoleKey = (key: string): key is BuiltInRoleKey => Object.hasOwn(builtInRoles, key);

/** What a signed-in holder of a built-in role, or of a custom role's list of permissions, may do. */
export function permissionsOfRole(role: BuiltInRoleKey | readonly GrantablePermission[]): ReadonlySet<Permission> {
  return signedInPermissions(typeof role === 'string' ? builtInRoles[role].permissions : role);
}
