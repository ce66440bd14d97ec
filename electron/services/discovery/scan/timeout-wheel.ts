/**
 * One timer for many deadlines: entries fall into buckets of `tickMs`, and a single interval expires the
 * buckets whose time has come. A sweep has thousands of connects in flight and almost all of them end long
 * before their deadline; a timer each would be armed and cleared for nothing. Entries are not removed when
 * they end early: `onExpire` is called for them all the same and ignores those that ended.
 */
export function createTimeoutWheel<T>(tickMs: number, onExpire: (entry: T) => void) {
  const buckets = new Map<number, T[]>();
  let nextTick = Math.floor(Date.now() / tickMs);
  let timer: NodeJS.Timeout | null = null;

  const expireDue = () => {
    const nowTick = Math.floor(Date.now() / tickMs);
    const due: T[][] = [];
    for (; nextTick <= nowTick; nextTick++) {
      const bucket = buckets.get(nextTick);
      if (!bucket) continue;
      buckets.delete(nextTick);
      due.push(bucket);
    }
    if (buckets.size === 0) stop();
    // Timers run before the loop reads finished I/O: after a busy spell, connects that completed long ago
    // are still waiting to be read. Expiring on the next check phase lets them be read first.
    if (due.length) setImmediate(() => due.forEach((bucket) => bucket.forEach(onExpire)));
  };

  function stop() {
    if (timer) clearInterval(timer);
    timer = null;
  }

  return {
    /** Calls `onExpire(entry)` once `deadlineMs` (a Date.now() time) has passed, within a tick. */
    add(deadlineMs: number, entry: T): void {
      if (!timer) nextTick = Math.floor(Date.now() / tickMs);
      const tick = Math.max(nextTick, Math.ceil(deadlineMs / tickMs));
      const bucket = buckets.get(tick);
      if (bucket) bucket.push(entry);
      else buckets.set(tick, [entry]);
      if (!timer) {
        timer = setInterval(expireDue, tickMs);
        timer.unref();
      }
    },
    /** Forgets every entry and stops the timer (entries already due may still be expired). */
    clear(): void {
      buckets.clear();
      stop();
    },
  };
}
