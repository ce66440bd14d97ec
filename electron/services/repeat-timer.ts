/**
 * Runs `run` after `firstMs`, then again `everyMs` after each run has ended, so a slow run is never overlapped
 * by the next. A run that fails goes to `onError` and the next run still comes. The timer does not keep the
 * process alive; `stop()` ends it (a run under way finishes).
 */
export function repeatAfterEach(firstMs: number, everyMs: number, run: () => unknown, onError: (error: unknown) => void): { stop(): void } {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const arm = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = null;
      void Promise.resolve()
        .then(run)
        .catch(onError)
        .finally(() => arm(everyMs));
    }, ms);
    timer.unref?.();
  };
  arm(firstMs);
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
