import type { Logger } from '../contract';

/** How often dropped requests are logged at most: one line with a count, not a stack trace each. */
export const dropLogIntervalMs = 60_000;

/** A request whose client went away before its body arrived (the connection closed or was reset). */
export const isClientGone = (error: unknown) => {
  const code = (error as { code?: string } | null)?.code;
  return code === 'ECONNRESET' || code === 'ECONNABORTED' || code === 'EPIPE' || (error instanceof Error && error.message === 'aborted');
};

/**
 * Counts requests dropped by their clients and logs them once per interval with a count: the first at
 * once, the ones after it when the interval ends. A closed browser tab is no error of the server.
 */
export function droppedRequestLog(log: Logger, intervalMs = dropLogIntervalMs) {
  let quietUntil = 0;
  let pending = 0;
  let timer: NodeJS.Timeout | undefined;
  const report = (count: number) =>
    log.info({ count }, `${count} ${count === 1 ? 'client' : 'clients'} closed the connection before sending the whole request`);
  const flush = () => {
    timer = undefined;
    if (pending === 0) return;
    report(pending);
    pending = 0;
    quietUntil = Date.now() + intervalMs;
  };
  return {
    note(): void {
      if (Date.now() >= quietUntil && pending === 0) {
        report(1);
        quietUntil = Date.now() + intervalMs;
        return;
      }
      pending += 1;
      timer ??= setTimeout(flush, Math.max(quietUntil - Date.now(), 0)).unref();
    },
    stop(): void {
      clearTimeout(timer);
      flush();
    },
  };
}
