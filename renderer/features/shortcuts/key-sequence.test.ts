import { describe, expect, it } from 'vitest';
import { appCommands } from '../../../electron/contract/app-commands';
import { keySequenceMatcher, sequencePauseMs } from './key-sequence';

const sequences = [
  { id: 'clients', keys: ['g', 'c'] },
  { id: 'miners', keys: ['g', 'm'] },
  { id: 'sheet', keys: ['?'] },
] as const;

describe('key sequences', () => {
  it('runs a command when its last key comes, and remembers the first key until then', () => {
    const press = keySequenceMatcher(sequences);
    expect(press('g', 0)).toEqual({ pending: ['g'] });
    expect(press('c', 300)).toEqual({ command: 'clients' });
    expect(press('?', 400)).toEqual({ command: 'sheet' });
    expect(press('m', 500)).toBeNull();
  });

  it('forgets the first key after a pause, so a lone "c" later does nothing', () => {
    const press = keySequenceMatcher(sequences);
    press('g', 0);
    expect(press('c', sequencePauseMs + 1)).toBeNull();
    press('g', 10_000);
    expect(press('m', 10_000 + sequencePauseMs)).toEqual({ command: 'miners' });
  });

  it('a key that fits nothing starts afresh: "g x g c" opens Clients, and "g g c" too', () => {
    const press = keySequenceMatcher(sequences);
    expect(press('g', 0)).toEqual({ pending: ['g'] });
    expect(press('x', 100)).toBeNull();
    expect(press('g', 200)).toEqual({ pending: ['g'] });
    expect(press('c', 300)).toEqual({ command: 'clients' });
    press('g', 400);
    expect(press('g', 500)).toEqual({ pending: ['g'] });
    expect(press('c', 600)).toEqual({ command: 'clients' });
  });

  it('keys are matched as typed: Shift+G is not g', () => {
    const press = keySequenceMatcher(sequences);
    expect(press('G', 0)).toBeNull();
    expect(press('c', 100)).toBeNull();
  });

  it('every go-to command of the app has its own two keys starting with g', () => {
    const goKeys = appCommands.filter((command) => command.id.startsWith('go.') && command.keys).map((command) => command.keys!);
    expect(goKeys.every((keys) => keys.length === 2 && keys[0] === 'g')).toBe(true);
    expect(new Set(goKeys.map((keys) => keys[1])).size).toBe(goKeys.length);
  });
});
