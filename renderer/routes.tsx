import {
  IconAlertTriangle,
  IconBolt,
  IconChartBar,
  IconCpu,
  IconFileInvoice,
  IconFileText,
  IconLayoutDashboard,
  IconListCheck,
  IconMail,
  IconRadar,
  IconSettings,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import { lazy, type ComponentType, type ReactElement } from 'react';
import type { Permission } from '../electron/contract/permissions';

/** A page in its own script, fetched when first opened, so the first screen does not wait for every page. */
const lazyPage = <Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) =>
  lazy(() => load().then((module) => ({ default: module[name] })));

const DashboardPage = lazyPage(() => import('./features/dashboard/DashboardPage'), 'DashboardPage');
const ClientsSection = lazyPage(() => import('./features/clients/ClientsSection'), 'ClientsSection');
const MinersPage = lazyPage(() => import('./features/miners/MinersPage'), 'MinersPage');
const DiscoveryPage = lazyPage(() => import('./features/discovery/DiscoveryPage'), 'DiscoveryPage');
const TasksPage = lazyPage(() => import('./features/tasks/TasksPage'), 'TasksPage');
const AlertsPage = lazyPage(() => import('./features/alerts/AlertsPage'), 'AlertsPage');
const PowerPage = lazyPage(() => import('./features/power/PowerPage'), 'PowerPage');
const ContractsSection = lazyPage(() => import('./features/contracts/ContractsSection'), 'ContractsSection');
const InvoicesSection = lazyPage(() => import('./features/invoices/InvoicesSection'), 'InvoicesSection');
const MailPage = lazyPage(() => import('./features/mail/MailPage'), 'MailPage');
const ReportsPage = lazyPage(() => import('./features/reports/ReportsPage'), 'ReportsPage');
const SettingsPage = lazyPage(() => import('./features/settings/SettingsPage'), 'SettingsPage');

/** `permission`: what the page needs to be listed and opened; `countsAlerts`: the entry shows the number of open alerts. */
export type AppRoute = { path: string; label: string; icon: Icon; element: ReactElement; permission: Permission; countsAlerts?: boolean };

/** The navigation, in the order it is shown. */
export const appRoutes: AppRoute[] = [
  { path: '/', label: 'Dashboard', icon: IconLayoutDashboard, element: <DashboardPage />, permission: 'dashboard.view' },
  { path: '/clients', label: 'Clients', icon: IconUsers, element: <ClientsSection />, permission: 'clients.view' },
  { path: '/miners', label: 'Miners', icon: IconCpu, element: <MinersPage />, permission: 'fleet.view' },
  { path: '/discovery', label: 'Discovery', icon: IconRadar, element: <DiscoveryPage />, permission: 'fleet.view' },
  { path: '/tasks', label: 'Tasks', icon: IconListCheck, element: <TasksPage />, permission: 'tasks.view' },
  { path: '/alerts', label: 'Alerts', icon: IconAlertTriangle, element: <AlertsPage />, permission: 'monitoring.view', countsAlerts: true },
  {
    path: '/power',
    label: 'Power',
    icon: IconBolt,
    element: <PowerPage />,
    permission: 'power.view',
  },
  { path: '/contracts', label: 'Contracts', icon: IconFileText, element: <ContractsSection />, permission: 'contracts.view' },
  { path: '/invoices', label: 'Invoices', icon: IconFileInvoice, element: <InvoicesSection />, permission: 'billing.view' },
  { path: '/reports', label: 'Reports', icon: IconChartBar, element: <ReportsPage />, permission: 'reports.view' },
  { path: '/mail', label: 'Mail', icon: IconMail, element: <MailPage />, permission: 'mail.view' },
  { path: '/settings', label: 'Settings', icon: IconSettings, element: <SettingsPage />, permission: 'signedIn' },
];
