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
import type { ComponentType, ReactElement } from 'react';
import { lazyNamed } from './components/lazyNamed';
import { appPages, type AppPageId } from '../electron/contract/app-commands';
import type { Permission } from '../electron/contract/permissions';
import type { ParameterlessRead } from './api/first-reads';

/**
 * A page in its own script, fetched when first opened, so the first screen does not wait for every page. `preload`
 * starts the fetch earlier (the page at the start address, while the sign-in check is still on its way); the page
 * uses the same fetch.
 */
function lazyPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  let loading: Promise<Record<Name, ComponentType>> | undefined;
  const preload = () => (loading ??= load());
  const Page = lazyNamed(preload, name);
  return { element: <Page />, preload };
}

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

/**
 * `permission`: what the page needs to be listed and opened; `countsAlerts`: the entry shows the number of open alerts;
 * `firstReads`: the reads (with input {}) the page's first screen waits for, asked for at start when the app opens on it.
 * The address, name and order come from contract/app-commands (appPages), which the menu and shortcuts share.
 */
type RouteDetails = {
  icon: Icon;
  page: { element: ReactElement; preload: () => void };
  permission: Permission;
  countsAlerts?: boolean;
  firstReads?: ParameterlessRead[];
};

export type AppRoute = RouteDetails & { id: AppPageId; path: string; label: string };

const details: Record<AppPageId, RouteDetails> = {
  dashboard: { icon: IconLayoutDashboard, page: DashboardPage, permission: 'dashboard.view', firstReads: ['app.info', 'settings.get', 'dashboard.summary'] },
  clients: { icon: IconUsers, page: ClientsSection, permission: 'clients.view' },
  miners: { icon: IconCpu, page: MinersPage, permission: 'fleet.view' },
  discovery: { icon: IconRadar, page: DiscoveryPage, permission: 'fleet.view' },
  tasks: { icon: IconListCheck, page: TasksPage, permission: 'tasks.view' },
  alerts: { icon: IconAlertTriangle, page: AlertsPage, permission: 'monitoring.view', countsAlerts: true },
  power: { icon: IconBolt, page: PowerPage, permission: 'power.view' },
  contracts: { icon: IconFileText, page: ContractsSection, permission: 'contracts.view' },
  invoices: { icon: IconFileInvoice, page: InvoicesSection, permission: 'billing.view' },
  reports: { icon: IconChartBar, page: ReportsPage, permission: 'reports.view' },
  mail: { icon: IconMail, page: MailPage, permission: 'mail.view' },
  settings: { icon: IconSettings, page: SettingsPage, permission: 'signedIn' },
};

/** The navigation, in the order it is shown. */
export const appRoutes: AppRoute[] = appPages.map((page) => ({ id: page.id, path: page.path, label: page.label, ...details[page.id] }));

/** Whether an address is the route's page or one of its sub-pages ("/" is the dashboard only). */
export const isRouteOf = (route: AppRoute, pathname: string): boolean =>
  route.path === '/' ? pathname === '/' : pathname === route.path || pathname.startsWith(`${route.path}/`);

/** The page an address opens, if any. */
export const routeAt = (pathname: string): AppRoute | undefined => appRoutes.find((route) => isRouteOf(route, pathname));
