import type { MenuItemConstructorOptions } from 'electron';
import { acceleratorOn, appCommands, type AppCommand, type AppCommandId, type AppCommandSection } from './contract/app-commands';

/** Sends a command to the window's page (main.ts: over the hashdesk:command channel); the page runs it. */
export type SendCommand = (id: AppCommandId) => void;

const itemsOf = (section: AppCommandSection, mac: boolean, send: SendCommand, only?: (command: AppCommand) => boolean): MenuItemConstructorOptions[] =>
  appCommands
    .filter((command) => command.section === section && (!only || only(command)))
    .map((command) => ({ label: command.menuLabel ?? command.label, accelerator: acceleratorOn(command, mac), click: () => send(command.id) }));

/**
 * The native menu. Standard roles keep the platform's own shortcuts (copy, paste, zoom, quit); File (New…), Go and
 * Help carry the app's commands from contract/app-commands, the same list the page's keys and shortcut sheet use.
 */
export function menuTemplate(platform: NodeJS.Platform, send: SendCommand): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const onPage = (command: AppCommand) => !command.id.startsWith('history.') && command.id !== 'page.mainAction';
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        ...itemsOf('On any page', mac, send, (command) => command.id === 'page.mainAction'),
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
        ...itemsOf('On any page', mac, send, (command) => command.id.startsWith('history.')),
        { type: 'separator' },
        ...itemsOf('Go to', mac, send),
        { type: 'separator' },
        ...itemsOf('On any page', mac, send, onPage),
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: itemsOf('Help', mac, send) },
  ];
  return mac ? [{ role: 'appMenu' }, ...template] : template;
}
