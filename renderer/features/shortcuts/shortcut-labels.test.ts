import { describe, expect, it } from 'vitest';
import { acceleratorLabel } from './shortcut-labels';

describe('shortcut labels', () => {
  it('writes menu shortcuts as Windows and Linux show them', () => {
    expect(acceleratorLabel('CmdOrCtrl+1', false)).toBe('Ctrl+1');
    expect(acceleratorLabel('CmdOrCtrl+/', false)).toBe('Ctrl+/');
    expect(acceleratorLabel('Alt+Left', false)).toBe('Alt+←');
  });

  it('and as a Mac shows them', () => {
    expect(acceleratorLabel('CmdOrCtrl+1', true)).toBe('⌘1');
    expect(acceleratorLabel('Cmd+[', true)).toBe('⌘[');
    expect(acceleratorLabel('CmdOrCtrl+F', true)).toBe('⌘F');
  });
});
