/** "1 miner", "3 miners": a count with its noun; `plural` for nouns that do not just take an s. */
export const counted = (n: number, noun: string, plural = `${noun}s`): string => `${n} ${n === 1 ? noun : plural}`;
