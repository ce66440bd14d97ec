import type { Db } from '../../../db/open-db';
import { repeatAfterEach } from '../repeat-timer';
import { settleDueContracts, type DueOutcome } from './contracts.renewal';

export type ContractTimerDeps = {
  /** true: contracts are settled every minute by themselves (the desktop app, `serve`); false: only when asked (tests). */
  schedule: boolean;
  now?: () => Date;
  log: { error(details: object, message: string): void; info?(details: object, message: string): void };
};

const EVERY_MS = 60_000;
// Soon after start: the catch-up for ends, renewals and notice windows that passed while the app was closed.
const FIRST_DELAY_MS = 2_000;

/** The renewal timer: renews, ends and terminates contracts at their end instants and marks those inside their notice window. */
export function createContractTimer(db: Db, deps: ContractTimerDeps) {
  const now = deps.now ?? (() => new Date());
  let closed = false;
  const settle = (): DueOutcome => settleDueContracts(db, now());
  const repeat = deps.schedule
    ? repeatAfterEach(
        FIRST_DELAY_MS,
        EVERY_MS,
        () => {
          if (closed) return;
          const outcome = settle();
          if (Object.values(outcome).some((n) => n > 0)) deps.log.info?.({ outcome }, 'contracts settled');
        },
        (error) => deps.log.error({ err: error }, 'contract renewal timer failed'),
      )
    : null;
  return {
    settle,
    shutdown(): void {
      closed = true;
      repeat?.stop();
    },
  };
}
