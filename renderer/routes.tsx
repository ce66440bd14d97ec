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

/** `countsAlerts`: the entry shows the number of open alerts. */
export type AppRoute = { path: string; label: string; icon: Icon; element: ReactElement; countsAlerts?: boolean };

/** The navigation, in the order it is shown. */
export const appRoutes: AppRoute[] = [
  { path: '/', label: 'Dashboard', icon: IconLayoutDashboard, element: <DashboardPage /> },
  { path: '/clients', label: 'Clients', icon: IconUsers, element: <ClientsSection /> },
  { path: '/miners', label: 'Miners', icon: IconCpu, element: <MinersPage /> },
  { path: '/discovery', label: 'Discovery', icon: IconRadar, element: <DiscoveryPage /> },
  { path: '/tasks', label: 'Tasks', icon: IconListCheck, element: <TasksPage /> },
  { path: '/alerts', label: 'Alerts', icon: IconAlertTriangle, element: <AlertsPage />, countsAlerts: true },
  {
    path: '/power',
    label: 'Power',
    icon: IconBolt,
    element: <PowerPage />,
  },
  { path: '/contracts', label: 'Contracts', icon: IconFileText, element: <ContractsSection /> },
  { path: '/invoices', label: 'Invoices', icon: IconFileInvoice, element: <InvoicesSection /> },
  { path: '/reports', label: 'Reports', icon: IconChartBar, element: <ReportsPage /> },
  { path: '/mail', label: 'Mail', icon: IconMail, element: <MailPage /> },
  { path: '/settings', label: 'Settings', icon: IconSettings, element: <SettingsPage /> },
];
