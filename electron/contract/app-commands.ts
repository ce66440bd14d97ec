import type { Permission } from './permissions';

/**
 * The app's commands: what the native menu (electron/menu.ts) and the keys typed in the page
 * (renderer/features/shortcuts) both run. One list, so the menu, the keys and the shortcut sheet never disagree.
 *
 * `keys`: the keys typed in the page, one after the other ("g" then "c"), never while typing in a field.
 * `accelerator`: the desktop menu's shortcut, in Electron's notation; shown in the sheet in the desktop app only,
 * because a browser keeps Ctrl+1…9 and Ctrl+F for itself.
 */

/** The pages, in the navigation's order: the one place their address, name and "go to" key are written. */
export const appPages = [
  { id: 'dashboard', path: '/', label: 'Dashboard', key: 'd' },
  { id: 'clients', path: '/clients', label: 'Clients', key: 'c' },
  { id: 'miners', path: '/miners', label: 'Miners', key: 'm' },
  { id: 'discovery', path: '/discovery', label: 'Discovery', key: 'n' },
  { id: 'tasks', path: '/tasks', label: 'Tasks', key: 't' },
  { id: 'alerts', path: '/alerts', label: 'Alerts', key: 'a' },
  { id: 'power', path: '/power', label: 'Power', key: 'p' },
  { id: 'contracts', path: '/contracts', label: 'Contracts', key: 'o' },
  { id: 'invoices', path: '/invoices', label: 'Invoices', key: 'i' },
  { id: 'reports', path: '/reports', label: 'Reports', key: 'r' },
  { id: 'mail', path: '/mail', label: 'Mail', key: 'e' },
  { id: 'settings', path: '/settings', label: 'Settings', key: 's' },
] as const;

export type AppPageId = (typeof appPages)[number]['id'];

export type AppCommandId =
  `go.${AppPageId}` | 'go.backups' | 'go.about' | 'history.back' | 'history.forward' | 'page.search' | 'page.mainAction' | 'help.shortcuts';

export type AppCommandSection = 'Go to' | 'On any page' | 'Help';

export type AppCommand = {
  id: AppCommandId;
  label: string;
  section: AppCommandSection;
  /** The address it opens, for the commands that open a page. */
  path?: string;
  /** What opening it needs, where more than its page's own permission (a Settings tab). */
  permission?: Permission;
  keys?: readonly string[];
  accelerator?: string;
  /** The menu item's name, where shorter than the sheet's. */
  menuLabel?: string;
  /** On a Mac, where it differs (Option+arrow moves by word in a text field there). */
  macAccelerator?: string;
};

const goToPages: AppCommand[] = appPages.map((page, index) => ({
  id: `go.${page.id}`,
  label: page.label,
  section: 'Go to',
  path: page.path,
  keys: ['g', page.key],
  // Ctrl+1…9 (⌘1…9 on a Mac) for the first nine pages, as in most desktop apps with tabs or sections; Settings
  // keeps the usual Ctrl+, (⌘, on a Mac).
  ...(index < 9 ? { accelerator: `CmdOrCtrl+${index + 1}` } : page.id === 'settings' ? { accelerator: 'CmdOrCtrl+,' } : {}),
}));

export const appCommands: readonly AppCommand[] = [
  ...goToPages,
  { id: 'go.backups', label: 'Backups', section: 'Go to', path: '/settings?tab=backups', permission: 'settings.view', keys: ['g', 'b'] },
  { id: 'history.back', label: 'Back', section: 'On any page', accelerator: 'Alt+Left', macAccelerator: 'Cmd+[' },
  { id: 'history.forward', label: 'Forward', section: 'On any page', accelerator: 'Alt+Right', macAccelerator: 'Cmd+]' },
  { id: 'page.search', label: "Search the page's list", section: 'On any page', keys: ['/'], accelerator: 'CmdOrCtrl+F' },
  {
    id: 'page.mainAction',
    label: "The page's main action (Add client, New task…)",
    section: 'On any page',
    keys: ['n'],
    accelerator: 'CmdOrCtrl+N',
    menuLabel: 'New…',
  },
  { id: 'help.shortcuts', label: 'Keyboard shortcuts', section: 'Help', keys: ['?'], accelerator: 'CmdOrCtrl+/' },
  { id: 'go.about', label: 'About Hashdesk', section: 'Help', path: '/settings?tab=about' },
];

const byId = new Map<string, AppCommand>(appCommands.map((command) => [command.id, command]));

/** The command of that id; anything else (a stray message over the bridge) is no command. */
export const appCommandOf = (id: unknown): AppCommand | undefined => (typeof id === 'string' ? byId.get(id) : undefined);

/** The menu's shortcut on that platform. */
export const acceleratorOn = (command: AppCommand, mac: boolean): string | undefined =>
  mac ? (command.macAccelerator ?? command.accelerator) : command.accelerator;

/** The IPC channel the desktop menu sends a command id over (main → renderer). */
export const appCommandChannel = 'hashdesk:command';
