import { describe, expect, it, vi } from 'vitest';
import type { Permission } from '../../../electron/contract/permissions';
import { appPages } from '../../../electron/contract/app-commands';
import { runAppCommand, type CommandEffects } from './run-app-command';

/** A role holding `held`, and what each command did. */
function effectsFor(
  held: Permission[],
  search: { focus: () => void; select: () => void } | null = null,
  action: Partial<HTMLElement> | null = null,
  dialog = false,
) {
  const effects = {
    navigate: vi.fn(),
    openSheet: vi.fn(),
    tell: vi.fn(),
    can: (permission: Permission) =>
      held.includes(permission) ? { allowed: true, granted: true, reason: null } : { allowed: false, granted: false, reason: `Your role lacks ${permission}.` },
    pageSearch: () => search as HTMLInputElement | null,
    mainAction: () => action as HTMLElement | null,
    dialogOpen: () => dialog,
  } satisfies CommandEffects;
  return effects;
}

describe('running an app command', () => {
  it('opens each page the role may open, at its address', () => {
    const effects = effectsFor([
      'signedIn',
      'dashboard.view',
      'clients.view',
      'fleet.view',
      'tasks.view',
      'monitoring.view',
      'power.view',
      'contracts.view',
      'billing.view',
      'reports.view',
      'mail.view',
    ]);
    for (const page of appPages) runAppCommand(`go.${page.id}`, effects);
    expect(effects.navigate.mock.calls.map(([to]) => to)).toEqual(appPages.map((page) => page.path));
    expect(effects.tell).not.toHaveBeenCalled();
  });

  it('says why, and stays, when the role may not open the page (Backups needs settings.view, not only Settings)', () => {
    const effects = effectsFor(['signedIn', 'clients.view']);
    runAppCommand('go.invoices', effects);
    runAppCommand('go.backups', effects);
    runAppCommand('go.about', effects);
    expect(effects.tell.mock.calls).toEqual([
      ['Invoices is not open to you', 'Your role lacks billing.view.'],
      ['Backups is not open to you', 'Your role lacks settings.view.'],
    ]);
    expect(effects.navigate.mock.calls).toEqual([['/settings?tab=about']]);
  });

  it('goes back and forward, opens the sheet, and focuses the page search or says there is none', () => {
    const search = { focus: vi.fn(), select: vi.fn() };
    const effects = effectsFor(['signedIn'], search);
    runAppCommand('history.back', effects);
    runAppCommand('history.forward', effects);
    runAppCommand('help.shortcuts', effects);
    runAppCommand('page.search', effects);
    expect(effects.navigate.mock.calls).toEqual([[-1], [1]]);
    expect(effects.openSheet).toHaveBeenCalledOnce();
    expect(search.focus).toHaveBeenCalledOnce();
    expect(search.select).toHaveBeenCalledOnce();
    const none = effectsFor(['signedIn']);
    runAppCommand('page.search', none);
    expect(none.tell).toHaveBeenCalledWith('Nothing to search here', 'This page has no list with a search box.');
  });

  it('ignores what is no command (a stray message over the bridge)', () => {
    const effects = effectsFor(['signedIn']);
    for (const id of ['go.nowhere', '', 42, null, { id: 'go.clients' }]) runAppCommand(id, effects);
    expect([effects.navigate, effects.openSheet, effects.tell].every((spy) => spy.mock.calls.length === 0)).toBe(true);
  });

  it("starts the page's main action, says when there is none, and says when the role may not (without clicking)", () => {
    const button = (disabled: boolean) => {
      const attributes: Record<string, string> = disabled ? { 'aria-disabled': 'true' } : {};
      return { textContent: ' Add client ', click: vi.fn(), getAttribute: (name: string) => attributes[name] ?? null, hasAttribute: () => false };
    };
    const enabled = button(false);
    const effects = effectsFor(['signedIn'], null, enabled);
    runAppCommand('page.mainAction', effects);
    expect(enabled.click).toHaveBeenCalledOnce();
    const disabled = button(true);
    const refused = effectsFor(['signedIn'], null, disabled);
    runAppCommand('page.mainAction', refused);
    expect(disabled.click).not.toHaveBeenCalled();
    expect(refused.tell).toHaveBeenCalledWith('Add client is not open to you', 'Point at the button to see why.');
    const none = effectsFor(['signedIn']);
    runAppCommand('page.mainAction', none);
    expect(none.tell).toHaveBeenCalledWith('Nothing to start here', 'This page has no main action.');
  });

  it('waits, and says so, while a dialog is open: a menu command would lose what is typed in it', () => {
    const click = vi.fn();
    const effects = effectsFor(
      ['signedIn', 'clients.view', 'clients.edit'],
      null,
      { textContent: 'Add client', getAttribute: () => null, hasAttribute: () => false, click },
      true,
    );
    for (const id of ['go.clients', 'history.back', 'help.shortcuts', 'page.mainAction']) runAppCommand(id, effects);
    expect(effects.navigate).not.toHaveBeenCalled();
    expect(effects.openSheet).not.toHaveBeenCalled();
    expect(click).not.toHaveBeenCalled();
    expect(effects.tell).toHaveBeenCalledTimes(4);
    expect(effects.tell).toHaveBeenCalledWith('Close the dialog first', expect.stringContaining('waits until the open dialog is saved or closed'));
  });
});
