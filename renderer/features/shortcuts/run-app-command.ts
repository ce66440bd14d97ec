import { appCommandOf, type AppCommand } from '../../../electron/contract/app-commands';
import type { Permission } from '../../../electron/contract/permissions';
import type { Can } from '../../api/permission-check';
import { routeAt } from '../../routes';

/** What running a command may do to the app: the page's address, the shortcut sheet, a word to the user. */
export type CommandEffects = {
  navigate: (to: string | number) => void;
  openSheet: () => void;
  can: (permission: Permission) => Can;
  tell: (title: string, message: string) => void;
  /** The page's search box, if it has one. */
  pageSearch: () => HTMLInputElement | null;
  /** The page's main action (the filled button of its header), if it has one. */
  mainAction: () => HTMLElement | null;
  /** A dialog is open over the page (its unsaved input would be lost behind a new page or dialog). */
  dialogOpen: () => boolean;
};

/** What opening the command's page needs: the page's own permission (a Settings tab may need more). */
export function permissionToOpen(command: AppCommand): Permission | undefined {
  if (!command.path) return undefined;
  return command.permission ?? routeAt(new URL(command.path, 'http://app').pathname)?.permission;
}

/** Runs a command from the menu or the keys; an id that names none (a stray message) does nothing. */
export function runAppCommand(id: unknown, effects: CommandEffects): void {
  const command = appCommandOf(id);
  if (!command) return;
  // The keys are not heard in a dialog at all; a menu command is, and says why it waits.
  if (effects.dialogOpen())
    return effects.tell('Close the dialog first', `${command.label} waits until the open dialog is saved or closed, so nothing typed in it is lost.`);
  if (command.path) {
    const permission = permissionToOpen(command);
    const can = permission ? effects.can(permission) : null;
    if (can && !can.allowed) effects.tell(`${command.label} is not open to you`, can.reason ?? 'Your role does not include this page.');
    else effects.navigate(command.path);
    return;
  }
  switch (command.id) {
    case 'history.back':
      return effects.navigate(-1);
    case 'history.forward':
      return effects.navigate(1);
    case 'help.shortcuts':
      return effects.openSheet();
    case 'page.search': {
      const search = effects.pageSearch();
      if (!search) return effects.tell('Nothing to search here', 'This page has no list with a search box.');
      search.focus();
      search.select();
      return;
    }
    case 'page.mainAction': {
      const action = effects.mainAction();
      const label = action?.textContent?.trim() || 'It';
      if (!action) return effects.tell('Nothing to start here', 'This page has no main action.');
      if (action.getAttribute('aria-disabled') === 'true' || action.hasAttribute('disabled'))
        return effects.tell(`${label} is not open to you`, 'Point at the button to see why.');
      action.click();
      return;
    }
  }
}
