/** What a permission grants, in the words the role screen and refusals use. */
export type PermissionInfo = { label: string; description: string };

/**
 * Everything a role can be allowed, one area at a time (MoonOne's "Roles → permissions"). Reading an area is `.view`;
 * changing it is `.edit` or a verb. Custom roles pick from these.
 */
export const grantablePermissionInfo = {
  'dashboard.view': { label: 'View the dashboard', description: 'The fleet, alerts, tasks, notice and revenue tiles of the dashboard.' },
  'clients.view': { label: 'View clients', description: 'Clients with their contacts, documents, groups, custom prices and status history.' },
  'clients.edit': {
    label: 'Edit clients',
    description: 'Add, edit, merge and archive clients; change their status, contacts, documents, groups and custom prices.',
  },
  'contracts.view': { label: 'View contracts', description: 'Contracts with their equipment, terms and timelines.' },
  'contracts.edit': {
    label: 'Edit contracts',
    description: 'Draft, activate, extend, renew and terminate contracts; assign and release their equipment.',
  },
  'billing.view': {
    label: 'View invoices and payments',
    description: 'Invoices, billing previews, payments, client journals and statements.',
  },
  'billing.edit': {
    label: 'Edit invoices and payments',
    description: 'Generate, issue, void, credit and e-mail invoices; record, allocate and refund payments; e-mail statements.',
  },
  'reports.view': { label: 'Download reports', description: 'Monthly consumption spreadsheets and the accountant exports.' },
  'fleet.view': {
    label: 'View miners',
    description: 'Miners, models and sites with their history and charts, discovery results and device action runs.',
  },
  'fleet.edit': {
    label: 'Edit miners',
    description: 'Add, edit, mass-edit and import miners; edit models, sites, rooms and racks; resolve identity reviews.',
  },
  'discovery.run': { label: 'Run discovery', description: 'Scan the network for miners, save scan ranges and add the miners found.' },
  'power.view': { label: 'View power', description: 'PDUs and meters, outlets, racks, power profiles, readings and energy.' },
  'power.edit': {
    label: 'Edit power',
    description: 'Add and edit PDUs, meters and power profiles; assign outlets; test and poll devices; import readings.',
  },
  'tasks.view': { label: 'View tasks', description: 'Tasks with their miners and comments.' },
  'tasks.edit': { label: 'Edit tasks', description: 'Create and update tasks, add and remove their miners, comment.' },
  'devices.act': {
    label: 'Act on devices',
    description: 'Reboot miners, change their pools and other device actions; keep miner logins and the holding pool.',
  },
  'monitoring.view': { label: 'View monitoring', description: 'Alerts, alert rules and how the telemetry poller is doing.' },
  'monitoring.edit': {
    label: 'Edit monitoring',
    description: 'Acknowledge alerts, change alert rules and the telemetry poller, poll and evaluate now.',
  },
  'mail.view': { label: 'View mail', description: 'The outbox, the e-mail templates and past announcements.' },
  'mail.send': { label: 'Send announcements', description: 'E-mail announcements to clients and retry failed messages.' },
  'audit.view': { label: 'View change logs', description: 'Who changed what and when, for every record.' },
  'settings.view': { label: 'View settings', description: 'The mail server, backup and telemetry settings, and the settings file export.' },
  'settings.edit': {
    label: 'Edit settings',
    description: 'Organisation, taxes, prefixes, scanning, mail server and templates; import settings; fill demo data.',
  },
  'backups.run': { label: 'Make backups', description: 'Back up now, choose the backup folder and change the daily schedule.' },
  'backups.restore': { label: 'Restore backups', description: 'Replace all data with a backup and restart the app.' },
  'users.admin': { label: 'Manage users and roles', description: 'Add and edit staff, their logins and roles, and custom roles.' },
} as const satisfies Record<string, PermissionInfo>;

export type GrantablePermission = keyof typeof grantablePermissionInfo;

/** Every permission a custom role may hold, in the order the role screen lists them. */
export const grantablePermissions = Object.keys(grantablePermissionInfo) as GrantablePermission[];

/**
 * Levels no role lists: `anyone` (open before signing in, such as signing in itself); `ownAccount` (every signed-in
 * person, a client's viewer too: signing out, changing one's password); `signedIn` (every signed-in member of the
 * facility's staff, whatever their role: the app's version, the settings dates and money are shown with, staff names);
 * `ownClient` (a client's own viewer only: the client view of that client).
 */
export const openAccessInfo = {
  anyone: { label: 'Anyone', description: 'Open before signing in.' },
  ownAccount: { label: 'Own account', description: 'Every signed-in person, a client’s viewer too: signing out and changing their password.' },
  signedIn: { label: 'Any signed-in user', description: 'Open to the facility’s staff signed in, whatever their role.' },
  ownClient: { label: 'Own client view', description: 'A client’s own viewer: that client’s miners, contracts and invoices, read only.' },
} as const satisfies Record<string, PermissionInfo>;

/** What a procedure may require and what a caller holds: a grantable permission or one of the open levels. */
export type Permission = GrantablePermission | keyof typeof openAccessInfo;

export const permissionInfo: Record<Permission, PermissionInfo> = { ...openAccessInfo, ...grantablePermissionInfo };

/** What a caller holds before signing in. */
export const anonymousPermissions: ReadonlySet<Permission> = new Set<Permission>(['anyone']);

/** What a signed-in caller holds for a list of grantable permissions: those plus the open levels. */
export function signedInPermissions(granted: Iterable<GrantablePermission>): ReadonlySet<Permission> {
  return new Set<Permission>(['anyone', 'ownAccount', 'signedIn', ...granted]);
}

/** What a client's own viewer holds: their account and their client's view, nothing of the facility's. */
export const clientViewerPermissions: ReadonlySet<Permission> = new Set<Permission>(['anyone', 'ownAccount', 'ownClient']);

/** A client's viewer who must first choose their own password: only that. */
export const clientViewerChangingPassword: ReadonlySet<Permission> = new Set<Permission>(['anyone', 'ownAccount']);

/** "Your role does not allow “Edit clients” (clients.edit)": why a screen disables a button or hides a page. */
export const roleDoesNotAllow = (permission: Permission): string => `Your role does not allow “${permissionInfo[permission].label}” (${permission})`;

/** The sentence a refused caller reads: the permission by its label and name, and the procedure that needed it. */
export function describeMissingPermission(permission: Permission, procedure: string): string {
  if (permission === 'signedIn' || permission === 'ownAccount') return `Sign in first: ${procedure} is open to signed-in users only.`;
  return `${roleDoesNotAllow(permission)}, which ${procedure} needs.`;
}
