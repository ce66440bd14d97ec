/** A command typed as keys one after the other ("g" then "c"). */
export type KeySequence<Id> = { id: Id; keys: readonly string[] };

/** What a key press did: ran a command, began or went on with a sequence, or matched nothing. */
export type KeyOutcome<Id> = { command: Id } | { pending: readonly string[] } | null;

/** How long the next key of a sequence may wait, in ms: after that a key starts afresh. */
export const sequencePauseMs = 1500;

const startsWith = (keys: readonly string[], typed: readonly string[]) => typed.every((key, index) => keys[index] === key);

/**
 * Follows the keys typed (`at` in ms, from any clock) against the sequences. A key that ends a sequence gives its
 * command; a key that could still grow into one is remembered; a key that fits nothing drops what was remembered and
 * is tried as the first key of a sequence ("g", "x", "g", "c" still opens Clients).
 */
export function keySequenceMatcher<Id>(sequences: readonly KeySequence<Id>[], pauseMs = sequencePauseMs) {
  let typed: readonly string[] = [];
  let lastAt = Number.NEGATIVE_INFINITY;
  const follow = (next: readonly string[]): KeyOutcome<Id> => {
    const whole = sequences.find((sequence) => sequence.keys.length === next.length && startsWith(sequence.keys, next));
    if (whole) {
      typed = [];
      return { command: whole.id };
    }
    if (sequences.some((sequence) => startsWith(sequence.keys, next))) {
      typed = next;
      return { pending: next };
    }
    typed = [];
    return null;
  };
  return (key: string, at: number): KeyOutcome<Id> => {
    const stale = at - lastAt > pauseMs;
    lastAt = at;
    const before = stale ? [] : typed;
    return follow([...before, key]) ?? (before.length > 0 ? follow([key]) : null);
  };
}
