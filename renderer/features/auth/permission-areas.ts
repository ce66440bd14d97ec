import { type GrantablePermission, grantablePermissions } from '../../../electron/contract/permissions';

const areaLabels: Record<string, string> = {
  dashboard: 'Dashboard',
  clients: 'Clients',
  contracts: 'Contracts',
  billing: 'Invoices and payments',
  reports: 'Reports',
  fleet: 'Miners',
  discovery: 'Discovery',
  power: 'Power',
  tasks: 'Tasks',
  devices: 'Device actions',
  monitoring: 'Monitoring',
  mail: 'Mail',
  audit: 'Change logs',
  settings: 'Settings',
  backups: 'Backups',
  users: 'Users and roles',
};

/** The permissions a role can be given, grouped by the area before the dot ("billing.edit" → Invoices and payments), in the vocabulary's order. */
export const permissionAreas: { label: string; permissions: GrantablePermission[] }[] = [];
for (const permission of grantablePermissions) {
  const label = areaLabels[permission.split('.')[0]] ?? permission.split('.')[0];
  const area = permissionAreas.find((existing) => existing.label === label);
  if (area) area.permissions.push(permission);
  else permissionAreas.push({ label, permissions: [permission] });
}
