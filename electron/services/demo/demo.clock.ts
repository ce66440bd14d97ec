/** When the demo's story says a change happened: services stamp `new Date()`, which reads this while the seed runs. */
export type StoryClock = {
  /** Moves the story to an instant (the past, usually); later changes are stamped with it. */
  set(at: Date | number): void;
  /** The story's instant now. */
  now(): Date;
  /** The real instant the seed started: the story's present. */
  readonly realNow: Date;
};

/**
 * Runs `seed` with the global Date answering the story's instant for `new Date()` and `Date.now()`, so every
 * service writes the dates (created, changed, audited, assigned) of a facility that has been running for
 * months, through its own code. Safe because the seed is synchronous (one SQLite transaction, no await):
 * no other code runs until the real clock is back, which `finally` guarantees.
 */
export function withStoryClock<T>(seed: (clock: StoryClock) => T): T {
  const RealDate = globalThis.Date;
  const realNow = new RealDate();
  let storyMs = realNow.getTime();
  const storyDate = new Proxy(RealDate, {
    construct: (target, args: unknown[]) => (args.length ? Reflect.construct(target, args) : new target(storyMs)),
    get: (target, key, receiver) => (key === 'now' ? () => storyMs : Reflect.get(target, key, receiver)),
  });
  const clock: StoryClock = {
    set: (at) => {
      storyMs = typeof at === 'number' ? at : at.getTime();
    },
    now: () => new RealDate(storyMs),
    realNow,
  };
  globalThis.Date = storyDate;
  try {
    return seed(clock);
  } finally {
    globalThis.Date = RealDate;
  }
}
