import type { mailCalls } from '../../contract/mail';
import { clientScopeOf } from '../client-scope/client-scope';
import type { DomainHandlers, NamesOf, SharedServices } from '../handler-kit';
import { listAnnouncements, sendAnnouncement } from './announcements';
import { sendInvoices } from './mail.invoices';
import { listOutbox, retryMessage } from './mail.outbox';
import { getMailSettings, updateMailSettings } from './mail.settings';
import { listMailTemplates, updateMailTemplate } from './mail.templates';
import { sendTestMail } from './mail.test-send';

/** Everything that queues mail wakes the sender, so a message leaves now rather than at the next tick. */
export function mailHandlers({ db, secrets, mail }: SharedServices): DomainHandlers<NamesOf<typeof mailCalls>> {
  const queued = <T>(value: T): T => {
    mail.wake();
    return value;
  };
  return {
    'mail.settings.get': async () => getMailSettings(db),
    'mail.settings.update': async (input, ctx) => {
      const settings = updateMailSettings(db, input, secrets, ctx.actor);
      mail.serverChanged();
      return settings;
    },
    'mail.test': async (input, ctx) => sendTestMail(db, input.to, { secrets, limits: mail.limits }, ctx.actor),
    'mail.templates.list': async () => listMailTemplates(db),
    'mail.templates.update': async (input, ctx) => updateMailTemplate(db, input, ctx.actor),
    'mail.outbox.list': async (input, ctx) => listOutbox(db, input, clientScopeOf(db, ctx.origin)),
    'mail.outbox.retry': async (input, ctx) => queued(retryMessage(db, input.id, ctx.actor)),
    'invoices.send': async (input, ctx) => queued(sendInvoices(db, input, ctx.actor)),
    'announcements.send': async (input, ctx) => queued(sendAnnouncement(db, input, ctx.actor)),
    'announcements.list': async (input) => listAnnouncements(db, input),
  };
}
