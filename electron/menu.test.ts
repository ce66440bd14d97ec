import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { acceleratorOn, appCommands, appPages } from './contract/app-commands';
import { menuTemplate } from './menu';

const submenuOf = (template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] => {
  const menu = template.find((item) => item.label === label || item.role === label.toLowerCase());
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no ${label} menu`);
  return menu.submenu;
};
const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();

describe('native menu', () => {
  it('keeps the standard menus and adds File, Go and Help; a Mac gets its app menu first', () => {
    const send = vi.fn();
    const menus = (platform: NodeJS.Platform) => menuTemplate(platform, send).map((item) => item.role ?? item.label);
    expect(menus('linux')).toEqual(['File', 'editMenu', 'View', 'Go', 'windowMenu', 'help']);
    expect(menus('darwin')).toEqual(['appMenu', 'File', 'editMenu', 'View', 'Go', 'windowMenu', 'help']);
  });

  it("File holds New… (Ctrl+N, the page's main action) and what the platform's File menu holds: Quit, or Close Window on a Mac", () => {
    const send = vi.fn();
    const file = (platform: NodeJS.Platform) => submenuOf(menuTemplate(platform, send), 'File');
    expect(file('linux').map((item) => item.label ?? item.role ?? item.type)).toEqual(['New…', 'separator', 'quit']);
    expect(file('darwin').map((item) => item.label ?? item.role ?? item.type)).toEqual(['New…', 'separator', 'close']);
    expect(file('win32')[0].accelerator).toBe('CmdOrCtrl+N');
    click(file('linux')[0]);
    expect(send).toHaveBeenCalledWith('page.mainAction');
  });

  it('Go lists every page in the navigation order, Ctrl+1…9 on the first nine, and each sends its command', () => {
    const send = vi.fn();
    const go = submenuOf(menuTemplate('linux', send), 'Go').filter((item) => item.type !== 'separator');
    expect(go.map((item) => item.label)).toEqual(['Back', 'Forward', ...appPages.map((page) => page.label), 'Backups', "Search the page's list"]);
    const pages = go.slice(2, 2 + appPages.length);
    expect(pages.slice(0, 9).map((item) => item.accelerator)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((n) => `CmdOrCtrl+${n}`));
    expect(pages.slice(9).map((item) => [item.label, item.accelerator])).toEqual([
      ['Reports', undefined],
      ['Mail', undefined],
      ['Settings', 'CmdOrCtrl+,'],
    ]);
    for (const item of go) click(item);
    expect(send.mock.calls.map(([id]) => id)).toEqual([
      'history.back',
      'history.forward',
      ...appPages.map((page) => `go.${page.id}`),
      'go.backups',
      'page.search',
    ]);
  });

  it('Back and Forward use Alt+arrows, and Cmd+[ and Cmd+] on a Mac (where Option+arrow moves by word)', () => {
    const accelerators = (platform: NodeJS.Platform) =>
      submenuOf(menuTemplate(platform, vi.fn()), 'Go')
        .slice(0, 2)
        .map((item) => item.accelerator);
    expect(accelerators('win32')).toEqual(['Alt+Left', 'Alt+Right']);
    expect(accelerators('darwin')).toEqual(['Cmd+[', 'Cmd+]']);
  });

  it('Help opens the shortcut sheet (Ctrl+/) and About', () => {
    const send = vi.fn();
    const help = submenuOf(menuTemplate('linux', send), 'Help');
    expect(help.map((item) => [item.label, item.accelerator])).toEqual([
      ['Keyboard shortcuts', 'CmdOrCtrl+/'],
      ['About Hashdesk', undefined],
    ]);
    help.forEach(click);
    expect(send.mock.calls).toEqual([['help.shortcuts'], ['go.about']]);
  });

  it('no two commands share a menu shortcut or a key sequence', () => {
    for (const mac of [false, true]) {
      const accelerators = appCommands.map((command) => acceleratorOn(command, mac)).filter(Boolean);
      expect(new Set(accelerators).size).toBe(accelerators.length);
    }
    const sequences = appCommands.filter((command) => command.keys).map((command) => command.keys!.join(' '));
    expect(new Set(sequences).size).toBe(sequences.length);
  });

  it('every command with a menu shortcut has its item in the menu (else the shortcut would never fire)', () => {
    const send = vi.fn();
    const clickAll = (items: MenuItemConstructorOptions[]): void =>
      items.forEach((item) => (Array.isArray(item.submenu) ? clickAll(item.submenu) : item.click && click(item)));
    clickAll(menuTemplate('linux', send));
    const sent = new Set(send.mock.calls.map(([id]) => id));
    expect(appCommands.filter((command) => command.accelerator && !sent.has(command.id)).map((command) => command.id)).toEqual([]);
  });
});
