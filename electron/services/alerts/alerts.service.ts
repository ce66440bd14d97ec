import { repeatAfterEach } from '../repeat-timer';
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

  const evaluate = (): AlertEvaluation => evaluateAlerts(db, now());

  const repeat = deps.schedule
    ? repeatAfterEach(
        FIRST_DELAY_MS,
        EVERY_MS,
        () => {
          if (!closed) evaluate();
        },
        (error) => deps.log.error({ err: error }, 'alert evaluation failed'),
      )
    : null;

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
      repeat?.stop();
    },
  };
}

export type AlertsService = ReturnType<typeof createAlerts>;
