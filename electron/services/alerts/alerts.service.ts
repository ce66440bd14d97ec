import type { Db } from '../../../db/open-db';
import type { Contract } from '../../contract';
import type { AlertEvaluation, AlertRule } from '../../contract/alerts';
import type { ParsedInputOf } from '../../contract/define';
import { evaluateAlerts } from './alerts.apply';
import { updateAlertRules } from './alerts.rules';

export type AlertsDeps = {
  /** true: rules are evaluated every minute by themselves (the desktop app, `serve`); false: only when asked (tests). */
  schedule: boolean;
  /** The clock alerts are timed by (tests fix it). */
  now?: () => Date;
  log: { error(details: object, message: string): void };
};

const EVERY_MS = 60_000;
// The first evaluation waits for the first telemetry cycle to have had a chance to write fresh readings.
const FIRST_DELAY_MS = 20_000;

/** Evaluates the alert rules on a one-minute timer; `shutdown()` stops it before the database closes. */
export function createAlerts(db: Db, deps: AlertsDeps) {
  const now = deps.now ?? (() => new Date());
  let closed = false;
  let timer: NodeJS.Timeout | null = null;

  const evaluate = (): AlertEvaluation => evaluateAlerts(db, now());

  function tick(): void {
    timer = null;
    if (closed) return;
    try {
      evaluate();
    } catch (error) {
      deps.log.error({ err: error }, 'alert evaluation failed');
    }
    arm(EVERY_MS);
  }

  function arm(delayMs: number): void {
    if (closed || !deps.schedule) return;
    timer = setTimeout(tick, delayMs);
    timer.unref?.();
  }

  arm(FIRST_DELAY_MS);

  return {
    evaluate,
    /** Saves the rules and evaluates them at once, so the page shows their effect without waiting a minute. */
    updateRules(input: ParsedInputOf<Contract['alerts.rules.update']>, actor: string): AlertRule[] {
      const rules = updateAlertRules(db, input, actor, now());
      evaluate();
      return rules;
    },
    now,
    shutdown(): void {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

export type AlertsService = ReturnType<typeof createAlerts>;
