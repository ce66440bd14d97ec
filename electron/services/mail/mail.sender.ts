import type { Transporter } from 'nodemailer';
import type { Db } from '../../../db/open-db';
import type { mailMessages } from '../../../db/schema';
import type { SecretBox } from '../secrets/secret-box';
import { composeMail } from './mail.compose';
import {
  backoffDelay,
  bringRetriesForward,
  defaultBackoff,
  dueMessages,
  markSending,
  nextDueAt,
  recordFailure,
  recordSent,
  requeueInterrupted,
  type Backoff,
} from './mail.delivery';
import { describeSmtpFailure } from './mail.errors';
import { readSmtpServer, type SmtpServer } from './mail.settings';
import { defaultSmtpLimits, openSmtpTransport, type SmtpLimits } from './mail.transport';

type MessageRow = typeof mailMessages.$inferSelect;

export type MailSenderOptions = {
  /** Run on a timer (the app); false: only when `drain` is called (tests, bench). */
  schedule: boolean;
  secrets: SecretBox;
  log: { error(details: object, message: string): void };
  backoff?: Backoff;
  limits?: SmtpLimits;
  /** Connections to the server at once, and messages taken per pass. */
  connections?: number;
  batch?: number;
  /** How long the loop sleeps when nothing is due (a message queued meanwhile wakes it). */
  idleMs?: number;
  /** When the timer's first pass runs after the start (default 10 s). */
  firstPassMs?: number;
};

/** What one pass did. `serverProblem`: it stopped on a failure that concerns every message (no link, login, TLS). */
export type PassResult = { sent: number; failed: number; serverProblem: boolean; due: number };

export type MailSender = {
  /** A message was queued or retried: look at the outbox now instead of at the next tick. */
  wake(): void;
  /** The SMTP settings changed: forget the server's back-off and try every waiting message now. */
  serverChanged(): void;
  /** Passes until nothing is due or the server fails (tests and the bench; the timer does the same in the app). */
  drain(): Promise<PassResult>;
  /** Stops the loop; a pass under way stops taking messages and its connection is closed. */
  shutdown(): void;
  /** The connection limits (and trusted authorities) every connection to the server uses, the Settings test's too. */
  readonly limits: SmtpLimits;
};

/**
 * The outbox's sender. Each pass takes the due messages oldest first and hands them to the server over a few
 * pooled connections. A failure that concerns the server rather than one message (no link, refused login, TLS)
 * ends the pass, and the loop waits, doubling its wait up to the back-off's cap, so an offline site keeps its
 * mail queued and sends it when the link is back (then every message waiting out a back-off leaves at once).
 */
export function createMailSender(db: Db, options: MailSenderOptions): MailSender {
  const backoff = options.backoff ?? defaultBackoff;
  const limits = options.limits ?? defaultSmtpLimits;
  const connections = options.connections ?? 4;
  const batch = options.batch ?? 100;
  const idleMs = options.idleMs ?? 60_000;
  let serverFailures = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<PassResult> | null = null;
  let wokenDuringPass = false;
  let transport: Transporter | null = null;

  requeueInterrupted(db, new Date());

  async function sendOne(server: SmtpServer, row: MessageRow): Promise<'sent' | 'refused' | 'server' | 'moved'> {
    if (!markSending(db, row.id)) return 'moved';
    try {
      const info = await transport!.sendMail(await composeMail(db, row, server));
      if (!stopped) recordSent(db, row.id, String(info.response ?? 'accepted'), new Date());
      return 'sent';
    } catch (error) {
      if (stopped) return 'server';
      const failure = describeSmtpFailure(error, server);
      recordFailure(db, row.id, failure, new Date(), backoff);
      return failure.permanent ? 'refused' : 'server';
    }
  }

  async function pass(): Promise<PassResult> {
    const nothing: PassResult = { sent: 0, failed: 0, serverProblem: false, due: 0 };
    // The queue first: an idle pass neither reads the server nor opens its password.
    const queue = dueMessages(db, new Date(), batch);
    if (!queue.length) return nothing;
    const server = readSmtpServer(db, options.secrets);
    if (!server) return nothing;
    const result: PassResult = { ...nothing, due: queue.length };
    transport = await openSmtpTransport(server, limits, connections);
    const worker = async () => {
      for (let row = queue.shift(); row && !stopped && !result.serverProblem; row = queue.shift()) {
        const outcome = await sendOne(server, row);
        if (outcome === 'sent') result.sent++;
        else if (outcome !== 'moved') result.failed++;
        if (outcome === 'server') result.serverProblem = true;
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(connections, queue.length) }, worker));
    } finally {
      transport.close();
      transport = null;
    }
    if (result.serverProblem) serverFailures++;
    else if (result.sent > 0) {
      if (serverFailures > 0) bringRetriesForward(db, new Date());
      serverFailures = 0;
    }
    return result;
  }

  /** How long to sleep after a pass: the server's back-off after a failure, else until the next message falls due. */
  function pause(result: PassResult): number {
    if (result.serverProblem) return backoffDelay(backoff, serverFailures);
    if (wokenDuringPass || result.due >= batch) return 0;
    const next = nextDueAt(db);
    return next ? Math.max(0, Math.min(idleMs, next.getTime() - Date.now())) : idleMs;
  }

  function arm(ms: number): void {
    if (stopped || !options.schedule) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, ms);
    timer.unref?.();
  }

  /** One pass at a time, whether the timer or `drain` asks for it. */
  async function runPass(): Promise<PassResult> {
    while (running) await running.catch(() => undefined);
    wokenDuringPass = false;
    running = pass();
    try {
      return await running;
    } finally {
      running = null;
    }
  }

  function tick(): void {
    timer = null;
    if (running || stopped) return;
    runPass()
      .then((result) => arm(pause(result)))
      .catch((error: unknown) => {
        if (!stopped) options.log.error({ err: error }, 'the mail sender pass failed');
        arm(idleMs);
      });
  }

  // Mail left in the queue at the last stop goes out after the start's first screen, not during it.
  arm(options.firstPassMs ?? 10_000);

  return {
    limits,
    wake() {
      if (running) wokenDuringPass = true;
      else arm(0);
    },
    serverChanged() {
      serverFailures = 0;
      bringRetriesForward(db, new Date());
      this.wake();
    },
    async drain() {
      const total: PassResult = { sent: 0, failed: 0, serverProblem: false, due: 0 };
      while (!stopped) {
        const result = await runPass();
        total.sent += result.sent;
        total.failed += result.failed;
        total.due += result.due;
        total.serverProblem = result.serverProblem;
        if (result.serverProblem || result.due === 0) break;
      }
      return total;
    },
    shutdown() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      transport?.close();
    },
  };
}
