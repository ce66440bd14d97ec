/**
 * How long to wait for a connect: the full `maxMs` until the network has shown how fast it answers, then a
 * smoothed round trip plus four deviations (as TCP itself and nmap do), never under `minMs`. On a LAN an
 * address that is not there costs a few hundred milliseconds instead of the full wait.
 */
export function createAdaptiveTimeout(minMs: number, maxMs: number, samplesFirst = 16) {
  let smoothed = 0;
  let deviation = 0;
  let samples = 0;
  return {
    /** A connect that was answered (accepted or refused) after `ms`. */
    answered(ms: number): void {
      if (samples === 0) {
        smoothed = ms;
        deviation = ms / 2;
      } else {
        deviation = 0.75 * deviation + 0.25 * Math.abs(smoothed - ms);
        smoothed = 0.875 * smoothed + 0.125 * ms;
      }
      samples += 1;
    },
    currentMs(): number {
      if (samples < samplesFirst) return maxMs;
      return Math.min(maxMs, Math.max(minMs, Math.ceil(smoothed + 4 * deviation)));
    },
  };
}

/**
 * At most `perSecond` starts a second, in bursts of at most a twentieth of a second's worth. `take` says
 * whether one may start now; `waitMs` how long until the next may.
 */
export function createRateCap(perSecond: number) {
  const burst = Math.max(1, perSecond / 20);
  let tokens = burst;
  let at = Date.now();
  const refill = () => {
    const now = Date.now();
    tokens = Math.min(burst, tokens + ((now - at) * perSecond) / 1000);
    at = now;
  };
  return {
    take(): boolean {
      if (tokens < 1) refill();
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
    waitMs: (): number => Math.max(1, Math.ceil(((1 - tokens) * 1000) / perSecond)),
  };
}
