import { notifications } from '@mantine/notifications';
import { useEffect, useEffectEvent } from 'react';
import { useNavigate } from 'react-router';
import { appCommands, type AppCommandId } from '../../../electron/contract/app-commands';
import { usePermissions } from '../../api/usePermissions';
import { keySequenceMatcher } from './key-sequence';
import { runAppCommand } from './run-app-command';

const dialogOpen = (): boolean => document.querySelector('[role="dialog"][aria-modal="true"]') !== null;

/** Keys typed here belong to what holds them: a field, an open dialog or drawer, a menu. */
const keysBelongElsewhere = (target: EventTarget | null): boolean =>
  (target instanceof Element &&
    target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"]), [role="menu"], [role="listbox"]') !== null) ||
  dialogOpen();

const modifierKeys = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock']);

/** The first search box of the page's own lists (dialogs are outside main). */
const pageSearch = (): HTMLInputElement | null =>
  [...document.querySelectorAll<HTMLInputElement>('main input[aria-label^="Search" i], main input[placeholder^="Search" i]')].find(
    (input) => input.offsetParent !== null && !input.disabled,
  ) ?? null;

/**
 * The filled button (or link button) of the page's header: its main action, such as Add client. Mantine marks a
 * button's variant only when one is given, and filled is the default.
 */
const mainAction = (): HTMLElement | null =>
  [
    ...document.querySelectorAll<HTMLElement>(
      'main [data-page-header] .mantine-Button-root:not([data-variant]), main [data-page-header] .mantine-Button-root[data-variant="filled"]',
    ),
  ].find((element) => element.offsetParent !== null) ?? null;

/**
 * The app's commands (contract/app-commands) from the keys typed in the page and from the desktop menu. The keys
 * count only outside fields, dialogs and menus, and without Ctrl, Alt or ⌘, so they never take a key from typing or
 * from the browser.
 */
export function useAppCommands(openSheet: () => void): void {
  const navigate = useNavigate();
  const can = usePermissions();
  const run = useEffectEvent((id: unknown) =>
    runAppCommand(id, {
      navigate: (to) => void (typeof to === 'number' ? navigate(to) : navigate(to)),
      openSheet,
      can,
      // One notification per sentence: the same word again is not stacked, another one is shown beside it.
      tell: (title, message) => notifications.show({ id: `app-command: ${title}`, color: 'gray', title, message }),
      pageSearch,
      mainAction,
      dialogOpen,
    }),
  );

  useEffect(() => {
    const press = keySequenceMatcher<AppCommandId>(appCommands.flatMap((command) => (command.keys ? [{ id: command.id, keys: command.keys }] : [])));
    const onKeyDown = (event: KeyboardEvent) => {
      if (modifierKeys.has(event.key)) return; // Shift on its way to "?" must not break a sequence
      if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey || keysBelongElsewhere(event.target)) return;
      const outcome = press(event.key, event.timeStamp);
      if (!outcome) return;
      // "/" would otherwise be typed into the search box it just focused.
      event.preventDefault();
      if ('command' in outcome) run(outcome.command);
    };
    window.addEventListener('keydown', onKeyDown);
    const stopHearingMenu = window.api?.onCommand((id) => run(id));
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      stopHearingMenu?.();
    };
  }, []);
}
