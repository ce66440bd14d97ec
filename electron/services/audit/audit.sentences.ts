import { counted } from '../../contract/words';
import { changedKeys } from './audit.changes';
import type { NameBook } from './audit.names';
import { snapshotOf, type AuditFacts } from './audit.subjects';
import { fieldLabel, valueText, wordsOf } from './audit.values';

/** What a sentence may use: the row, its subject in words, the names of records, the zone of times. */
export type SentenceContext = { row: AuditFacts; subject: string; names: NameBook; timeZone: string };
type Sentence = (ctx: SentenceContext) => string;

const fields = (value: unknown): Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const after = (ctx: SentenceContext) => fields(ctx.row.after);
const before = (ctx: SentenceContext) => fields(ctx.row.before);
const value = (ctx: SentenceContext, key: string, v: unknown) =>
  valueText(key, v, { names: ctx.names, timeZone: ctx.timeZone, entity: ctx.row.entity, record: snapshotOf(ctx.row) });
const quoted = (v: unknown) => `“${String(v ?? '')}”`;
const withNote = (sentence: string, note: unknown) => (typeof note === 'string' && note.trim() ? `${sentence}: ${note.trim()}` : sentence);

/** Settings are changed, records edited. */
const settingsEntities = new Set([
  'settings',
  'telemetry_settings',
  'alert_rule',
  'holding_pool',
  'backup_settings',
  'mail_settings',
  'mail_template',
  'office_lan_settings',
]);

/** "Phone of client Arctic Hash set to +47 …" when one field changed, else "Client Arctic Hash edited". */
function edited(ctx: SentenceContext): string {
  const keys = changedKeys(before(ctx), after(ctx)).filter((key) => key !== 'why');
  if (keys.length !== 1) return `${ctx.subject} ${settingsEntities.has(ctx.row.entity) ? 'changed' : 'edited'}`;
  const [key] = keys;
  const next = after(ctx)[key];
  if (key === 'assigneeId') return next === null ? `${ctx.subject} unassigned` : `${ctx.subject} assigned to ${value(ctx, key, next)}`;
  if (key === 'clientId' && ctx.row.entity === 'miner') return movedMiner(ctx);
  if (key === 'paid') return `${ctx.subject} marked ${next ? 'paid' : 'unpaid'}`;
  if (key === 'active' && ctx.row.entity === 'staff') return `${ctx.subject} ${next ? 'made active' : 'made inactive'}`;
  if (key === 'enabled') return `${ctx.subject} turned ${next ? 'on' : 'off'}`;
  if (next === null || next === '' || (Array.isArray(next) && next.length === 0)) return `${fieldLabel(key)} of ${ctx.subject} cleared`;
  return `${fieldLabel(key)} of ${ctx.subject} set to ${value(ctx, key, next)}`;
}

function movedMiner(ctx: SentenceContext): string {
  const to = after(ctx).clientId;
  if (to === null || to === undefined) {
    const from = before(ctx).clientId;
    return `${ctx.subject} unassigned${from ? ` from ${value(ctx, 'clientId', from)}` : ''}`;
  }
  return `${ctx.subject} assigned to client ${value(ctx, 'clientId', to)}`;
}

const added = (ctx: SentenceContext) => `${ctx.subject} added`;
const created = (ctx: SentenceContext) => `${ctx.subject} created`;
const removed = (ctx: SentenceContext) => `${ctx.subject} removed`;
const minerCount = (ctx: SentenceContext) =>
  String(after(ctx).miners ?? '')
    .split(', ')
    .filter(Boolean).length;

/** One sentence per action the services write; anything else falls back to its subject and verb in words. */
export const sentences: Readonly<Record<string, Sentence>> = {
  'client.created': added,
  'client.updated': edited,
  'client.archived': (ctx) => `${ctx.subject} archived`,
  'client.status_changed': (ctx) => withNote(`Status of ${ctx.subject} set to ${value(ctx, 'status', after(ctx).status)}`, after(ctx).reason),
  'client.merged_away': (ctx) => `${ctx.subject} merged into ${value(ctx, 'mergedIntoId', after(ctx).mergedIntoId)}`,
  'client.merge_received': (ctx) => `Client ${String(fields(after(ctx).fromClient).name ?? 'another client')} merged into ${ctx.subject}`,
  'client.contact_added': added,
  'client.contact_updated': edited,
  'client.contact_removed': removed,
  'client.document_added': added,
  'client.document_removed': removed,
  'client.pricing_set': (ctx) => `${ctx.subject} set from ${value(ctx, 'validFrom', after(ctx).validFrom)}`,
  'client_group.created': created,
  'miner.created': added,
  'miner.updated': (ctx) => (after(ctx).why === 'import' ? `${edited(ctx)} by an import` : edited(ctx)),
  'miner.client_changed': movedMiner,
  'miner.mass_edited': (ctx) => `${edited(ctx)} (mass edit)`,
  'miner.mass_edit_undone': (ctx) => `Mass edit of ${ctx.subject} undone`,
  'miner.not_found_by_scan': (ctx) => `${ctx.subject} not found by scan #${String(after(ctx).scanId ?? '?')}: marked offline`,
  'miner.family.identified': (ctx) => `${ctx.subject} identified as ${value(ctx, 'family', after(ctx).family)}`,
  'miner.pools_set': (ctx) => `Pools of ${ctx.subject} set to ${value(ctx, 'pools', after(ctx).pools)}`,
  'miner.pool_redirected': (ctx) => `${ctx.subject} redirected to the holding pool`,
  'miner.pool_restored': (ctx) => `${ctx.subject} back on its own pools`,
  'miner_login.created': added,
  'miner_login.updated': (ctx) => `${ctx.subject} changed`,
  'miner_login.deleted': removed,
  'holding_pool.set': (ctx) => `Holding pool set to ${value(ctx, 'url', after(ctx).url)}`,
  'model.created': added,
  'model.updated': edited,
  'staff.created': added,
  'staff.updated': edited,
  'staff.administrator_created': (ctx) => `${ctx.subject} created as the administrator, with the login ${quoted(after(ctx).login)}`,
  'staff.login_set': (ctx) => {
    const { login, role, passwordSet } = after(ctx);
    const withPassword = passwordSet ? ', with a new password' : '';
    if (before(ctx).login === null || before(ctx).login === undefined)
      return `${ctx.subject} given the login ${quoted(login)} as ${String(role)}${withPassword}`;
    return before(ctx).login === login
      ? `Login of ${ctx.subject} kept as ${String(role)}${withPassword}`
      : `Login of ${ctx.subject} changed to ${quoted(login)}${withPassword}`;
  },
  'staff.viewer_created': (ctx) =>
    `${ctx.subject} added as a viewer of client ${value(ctx, 'clientId', after(ctx).clientId)}, with the login ${quoted(after(ctx).login)}`,
  'staff.role_changed': (ctx) => `Role of ${ctx.subject} set to ${String(after(ctx).role)}`,
  'staff.password_reset': (ctx) => `Password of ${ctx.subject} reset: a one-time password, to be changed at the next sign-in`,
  'staff.password_changed': (ctx) => `${ctx.subject} changed their password`,
  'staff.login_disabled': (ctx) => `Login of ${ctx.subject} disabled`,
  'staff.login_enabled': (ctx) => `Login of ${ctx.subject} enabled`,
  'staff.signed_in': (ctx) => `${ctx.subject} signed in${after(ctx).address ? ` from ${String(after(ctx).address)}` : ''}`,
  'staff.signed_out': (ctx) => `${ctx.subject} signed out`,
  'staff.locked_out': (ctx) =>
    `Sign-ins of ${ctx.subject} paused until ${value(ctx, 'lockedUntil', after(ctx).lockedUntil)} after ${counted(Number(after(ctx).failedSignIns ?? 0), 'wrong password')}`,
  'address.sign_ins_paused': (ctx) =>
    `Sign-ins from ${ctx.subject} paused until ${value(ctx, 'pausedUntil', after(ctx).pausedUntil)} after ${counted(Number(after(ctx).failures ?? 0), 'failed sign-in')}`,
  'address.api_tokens_paused': (ctx) =>
    `API tokens from ${ctx.subject} refused until ${value(ctx, 'pausedUntil', after(ctx).pausedUntil)} after ${counted(Number(after(ctx).failures ?? 0), 'unknown token')}`,
  'api_token.created': (ctx) => {
    const expiresAt = after(ctx).expiresAt;
    return `${ctx.subject} created${expiresAt ? `, valid until ${value(ctx, 'expiresAt', expiresAt)}` : ', valid until revoked'}`;
  },
  'api_token.revoked': (ctx) => `${ctx.subject} revoked`,
  'role.created': added,
  'role.updated': edited,
  'role.deleted': removed,
  'site.created': added,
  'site.updated': edited,
  'site.room_added': added,
  'site.room_updated': edited,
  'site.room_deleted': removed,
  'site.rack_added': added,
  'site.rack_updated': edited,
  'site.rack_deleted': removed,
  'site.scan_ranges_changed': (ctx) => {
    const ranges = after(ctx).ranges;
    return Array.isArray(ranges) && ranges.length ? `Scan ranges of ${ctx.subject} set to ${ranges.join(', ')}` : `Scan ranges of ${ctx.subject} cleared`;
  },
  'settings.updated': edited,
  'settings.exported': (ctx) => `The settings were exported to ${quoted(after(ctx).fileName)}`,
  'settings.imported': (ctx) => `The settings were imported from a file of Hashdesk ${String(after(ctx).appVersion ?? '')}`.trim(),
  'backup.settings_changed': edited,
  'office_lan.settings_changed': edited,
  'backup.created': (ctx) => `${ctx.subject} made`,
  'backup.restore_requested': (ctx) => `Restore of ${ctx.subject} asked for: it finishes when Hashdesk restarts`,
  'backup.restore_cancelled': (ctx) => `Restore of ${ctx.subject} cancelled`,
  'backup.restored': (ctx) => {
    const safety = after(ctx).safetyCopy;
    const kept = typeof safety === 'string' ? `; the database it replaced was kept as ${quoted(safety.split(/[\\/]/).at(-1))}` : '';
    return `Database restored from ${ctx.subject}${kept}`;
  },
  'telemetry.settings.updated': edited,
  'task.created': created,
  'task.updated': edited,
  'task.commented': (ctx) => `Comment on ${ctx.subject}: ${quoted(after(ctx).comment)}`,
  'task.miners_added': (ctx) => `${counted(minerCount(ctx), 'miner')} linked to ${ctx.subject}`,
  'task.miners_removed': (ctx) => `${counted(minerCount(ctx), 'miner')} unlinked from ${ctx.subject}`,
  'discovery.committed': (ctx) => {
    const result = after(ctx);
    const parts = [
      `${Number(result.created ?? 0)} added`,
      `${Number(result.updated ?? 0)} updated`,
      `${Number(result.sentToReview ?? 0)} sent to review`,
      `${Number(result.markedOffline ?? 0)} marked offline`,
    ];
    return `Findings of ${ctx.subject} saved: ${parts.join(', ')}`;
  },
  'power.device.created': added,
  'power.device.updated': edited,
  'power.device.deleted': removed,
  'power.profile.created': created,
  'power.profile.updated': edited,
  'power.profile.deleted': removed,
  'power.outlet.assigned': (ctx) => withNote(`${ctx.subject} now feeds miner ${String(after(ctx).miner)}`, after(ctx).note),
  'power.outlet.unassigned': (ctx) => `${ctx.subject} no longer feeds miner ${String(before(ctx).miner ?? '')}`.trim(),
  'power.readings.imported': (ctx) => `${counted(Number(after(ctx).readings ?? 0), 'reading')} imported into ${ctx.subject}`,
  'alert.acknowledged': (ctx) => withNote(`${ctx.subject} acknowledged`, after(ctx).note),
  'alert.rule.updated': edited,
  'device_action.started': (ctx) => `${ctx.subject} started on ${counted(Number(after(ctx).miners ?? 0), 'miner')}`,
  'identity_review.resolved': (ctx) =>
    after(ctx).createdNew
      ? `${ctx.subject} resolved: a new miner was added`
      : `${ctx.subject} resolved onto miner ${value(ctx, 'minerId', after(ctx).minerId)}`,
  'identity_review.dismissed': (ctx) => `${ctx.subject} dismissed`,
  'payment.recorded': (ctx) => `${ctx.subject} of ${String(after(ctx).amount ?? '')} (${String(after(ctx).method ?? '')}) recorded`,
  'payment.allocated': (ctx) => {
    const invoices = Object.keys(fields(after(ctx).allocations)).length;
    return invoices ? `${ctx.subject} allocated to ${counted(invoices, 'invoice')}` : `${ctx.subject} taken off every invoice: all of it is credit`;
  },
  'payment.receipt_queued': (ctx) => `Receipt of ${ctx.subject} (${String(after(ctx).amount ?? '')}) queued for e-mail to ${String(after(ctx).to ?? '')}`,
  'payment.refunded': (ctx) => withNote(`${String(after(ctx).amount ?? '')} of ${ctx.subject} refunded`, after(ctx).reason),
  'invoice.payment_applied': (ctx) => {
    const facts = after(ctx);
    const from =
      facts.creditNoteId !== undefined
        ? `credit note #${String(facts.creditNoteId)}`
        : `${facts.reason === 'credit_carried' ? 'the credit of ' : ''}payment #${String(facts.paymentId ?? '?')}`;
    return `${String(facts.amount ?? '')} applied to ${ctx.subject} from ${from}: ${value(ctx, 'status', facts.status)}`;
  },
  'invoice.payment_released': (ctx) =>
    `${String(after(ctx).amount ?? '')} moved off ${ctx.subject} back to the credit of payment #${String(after(ctx).paymentId ?? '?')}: ${value(ctx, 'status', after(ctx).status)}`,
  'mail_settings.updated': (ctx) => (after(ctx).passwordChanged ? `${ctx.subject} changed, with a new password` : edited(ctx)),
  'mail_template.updated': edited,
  'mail.test_sent': (ctx) => `Test e-mail sent to ${String(after(ctx).to ?? '')} through ${String(after(ctx).server ?? '')}`,
  'mail.test_failed': (ctx) => `Test e-mail to ${String(after(ctx).to ?? '')} failed: ${String(after(ctx).outcome ?? '').replace(/\.$/, '')}`,
  'invoice.email_queued': (ctx) => `${ctx.subject} queued for e-mail to ${String(after(ctx).to ?? '')}`,
  'client.statement_queued': (ctx) => `Statement of ${ctx.subject} for ${String(after(ctx).period ?? '')} queued for e-mail to ${String(after(ctx).to ?? '')}`,
  'invoice.reminder_queued': (ctx) => `Reminder of ${ctx.subject} queued for e-mail to ${String(after(ctx).to ?? '')}`,
  'announcement.queued': (ctx) =>
    `${ctx.subject} queued for ${counted(Number(after(ctx).recipients ?? 0), 'client')} (${String(after(ctx).audience ?? '').toLowerCase()})`,
  'mail_message.retried': (ctx) => `${ctx.subject} to ${String(after(ctx).to ?? '')} queued again`,
  'invoices.batch': (ctx) => {
    const run = after(ctx);
    const ended = run.state === 'cancelled' ? 'cancelled' : run.state === 'failed' ? 'stopped on an error' : 'finished';
    const counts = ['created', 'refreshed', 'held', 'issued'].map((key) => `${Number(run[key] ?? 0)} ${key}`).join(', ');
    return `Invoice run for ${String(run.period ?? ctx.row.entityId)} ${ended}: ${counts} (${Number(run.clientsDone ?? 0)} of ${counted(Number(run.clients ?? 0), 'client')})`;
  },
};

/** "Client Arctic Hash added": the row's action as one sentence; an action without its own words reads as subject and verb. */
export function sentenceOf(ctx: SentenceContext): string {
  const own = sentences[ctx.row.action];
  const text = own ? own(ctx) : `${ctx.subject} ${wordsOf(ctx.row.action.split('.').slice(1).join(' ')).toLowerCase()}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
