import type { MenuItemConstructorOptions } from 'electron';
import { acceleratorOn, appCommandOf, appCommands, type AppCommandId } from './contract/app-commands';

/** Sends a command to the window's page (main.ts: over the hashdesk:command channel); the page runs it. */
export type SendCommand = (id: AppCommandId) => void;

/** The menu items of these commands, in this order. */
const itemsOf = (ids: readonly AppCommandId[], mac: boolean, send: SendCommand): MenuItemConstructorOptions[] =>
  ids.map((id) => {
    const command = appCommandOf(id)!;
    return { label: command.menuLabel ?? command.label, accelerator: acceleratorOn(command, mac), click: () => send(command.id) };
  });

const pageIds = appCommands.filter((command) => command.section === 'Go to').map((command) => command.id);

/**
 * The native menu. Standard roles keep the platform's own shortcuts (copy, paste, zoom, quit); File (New…), Go and
 * Help carry the app's commands from contract/app-commands, the same list the page's keys and shortcut sheet use.
 */
export function menuTemplate(platform: NodeJS.Platform, send: SendCommand): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        ...itemsOf(['page.mainAction'], mac, send),
        { type: 'separator' },
        // What the platform's own File menu holds: Close Window on a Mac (the app menu quits), Quit elsewhere.
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Go',
      submenu: [
        ...itemsOf(['history.back', 'history.forward'], mac, send),
        { type: 'separator' },
        ...itemsOf(pageIds, mac, send),
        { type: 'separator' },
        ...itemsOf(['page.search'], mac, send),
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: itemsOf(['help.shortcuts', 'go.about'], mac, send) },
  ];
  return mac ? [{ role: 'appMenu' }, ...template] : template;
}
