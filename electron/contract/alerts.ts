import { z } from 'zod';
import { alertKinds, alertStatuses, type AlertKind, type AlertStatus } from './alerts.vocab';
import type { Ref } from './clients';
import { call, type ListPage } from './define';
import { idSchema, optionalText, pageSchema } from './fields';
import type { PowerDeviceKind } from './power.vocab';

/** A rule as stored: one per kind. The threshold's unit is the kind's (alertThresholdUnits). */
export type AlertRule = { kind: AlertKind; enabled: boolean; threshold: number; desktop: boolean; updatedAt: string };

/** One alert with what it is about, in the words the Alerts page shows. */
export type AlertRow = {
  id: number;
  kind: AlertKind;
  status: AlertStatus;
  /** The miner, with when it last answered a poll (null: never), so "Offline for 11 minutes" can say since when. */
  miner: { id: number; assetId: string; ip: string | null; lastSeenAt: string | null } | null;
  powerDevice: { id: number; name: string; kind: PowerDeviceKind } | null;
  /** The contract over its power cap (power_cap alerts). */
  contract: { id: number; reference: string } | null;
  site: Ref | null;
  client: Ref | null;
  message: string;
  /** The measured value when last evaluated, in the rule's unit. */
  value: number | null;
  /** The rule's threshold when the alert opened. */
  threshold: number;
  openedAt: string;
  lastSeenAt: string;
  resolvedAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  note: string | null;
};

export type AlertList = ListPage<AlertRow, AlertStatus>;

/** What one evaluation changed. */
export type AlertEvaluation = { at: string; opened: number; updated: number; resolved: number; active: number; durationMs: number };

/** New alerts for notifications, and the figures the navigation badge shows. */
export type AlertFeed = {
  /** Unresolved alerts with an id above afterId, oldest first (at most 20); none when afterId is null. */
  alerts: AlertRow[];
  /** How many unresolved alerts have an id above afterId (a whole rack going dark is one summary, not hundreds of pop-ups). */
  newCount: number;
  /** The highest alert id so far: the next call's afterId. */
  lastId: number;
  /** Alerts firing that nobody has acknowledged. */
  openCount: number;
  /** Kinds whose rule asks for a desktop notification. */
  desktopKinds: AlertKind[];
};

/** Status filter of the list: one status, or "active" for open and acknowledged together. */
export const alertListStatuses = ['active', ...alertStatuses] as const;
export type AlertListStatus = (typeof alertListStatuses)[number];

/** The allowed threshold per kind, and how a wrong one is explained. */
export const alertThresholdRanges: Record<AlertKind, { min: number; max: number; message: string }> = {
  miner_offline: { min: 1, max: 10_080, message: 'must be a whole number of minutes from 1 to 10080 (one week)' },
  hashrate_low: { min: 1, max: 100, message: 'must be a whole number from 1 to 100 %' },
  temp_high: { min: 30, max: 150, message: 'must be a whole number from 30 to 150 °C' },
  power_device_unreachable: { min: 1, max: 10_080, message: 'must be a whole number of minutes from 1 to 10080 (one week)' },
  power_cap: { min: 1, max: 1_440, message: 'must be a whole number of minutes from 1 to 1440 (one day)' },
};

/** The most alerts one acknowledge may name. */
export const maxAcknowledgeIds = 1_000;

const ruleOf = <K extends AlertKind>(kind: K) => {
  const { min, max, message } = alertThresholdRanges[kind];
  return z
    .object({
      kind: z.literal(kind),
      enabled: z.boolean({ error: 'must be on or off' }),
      threshold: z.number({ error: message }).int(message).min(min, message).max(max, message),
      desktop: z.boolean({ error: 'must be on or off' }),
    })
    .strict();
};

const ruleSchema = z.discriminatedUnion(
  'kind',
  [ruleOf('miner_offline'), ruleOf('hashrate_low'), ruleOf('temp_high'), ruleOf('power_device_unreachable'), ruleOf('power_cap')],
  {
    error: `must be one of ${alertKinds.join(', ')}`,
  },
);

const oneOf = (values: readonly string[]) => ({
  error: (issue: { input: unknown }) => (issue.input === undefined || issue.input === null ? 'is required' : `must be one of ${values.join(', ')}`),
});

export const alertCalls = {
  /** One page of alerts, newest first (resolved ones by when they resolved), with counts per status that ignore the status filter. */
  'alerts.list': call<AlertList>()(
    z
      .object({
        status: z.enum(alertListStatuses, oneOf(alertListStatuses)).default('active'),
        kind: z.enum(alertKinds, oneOf(alertKinds)).nullable().default(null),
        siteId: idSchema.nullable().default(null),
        clientId: idSchema.nullable().default(null),
        minerId: idSchema.nullable().default(null),
        ...pageSchema,
      })
      .strict(),
  ),
  /** Marks alerts as seen by the caller, with an optional note; alerts already acknowledged are left as they were. Audited. */
  'alerts.acknowledge': call<{ acknowledged: number; alreadyAcknowledged: number }>()(
    z
      .object({
        ids: z
          .array(idSchema)
          .min(1, 'choose at least one alert')
          .max(maxAcknowledgeIds, `must be at most ${maxAcknowledgeIds.toLocaleString('en-US')} alerts at once`),
        note: optionalText(500),
      })
      .strict(),
  ),
  'alerts.rules.get': call<AlertRule[]>()(z.object({}).strict()),
  /** Saves the listed rules (each kind at most once); changed ones are audited. Returns every rule. */
  'alerts.rules.update': call<AlertRule[]>()(
    z
      .object({
        rules: z
          .array(ruleSchema)
          .min(1, 'give at least one rule')
          .max(alertKinds.length)
          .refine((rules) => new Set(rules.map((r) => r.kind)).size === rules.length, 'must name each kind of alert at most once'),
      })
      .strict(),
  ),
  /** New alerts since afterId (null: none yet, only the current lastId), for desktop notifications and the navigation badge. */
  'alerts.feed': call<AlertFeed>()(z.object({ afterId: z.number().int().min(0).nullable().default(null) }).strict()),
  /** Evaluates every rule now instead of waiting for the next minute. */
  'alerts.evaluate': call<AlertEvaluation>()(z.object({}).strict()),
};
