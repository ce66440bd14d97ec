import type { paymentCalls } from '../../contract/payments';
import type { DomainHandlers, NamesOf, SharedServices } from '../handler-kit';
import { defaultProposals } from './payments.default';
import { clientJournal } from './payments.journal';
import { listPayments } from './payments.read';
import { allocatePayment, recordPayment, refundPayment } from './payments.record';

export function paymentHandlers({ db, mail }: SharedServices): DomainHandlers<NamesOf<typeof paymentCalls>> {
  return {
    'payments.record': async (input, ctx) => {
      const recorded = recordPayment(db, input, ctx.actor);
      if (recorded.receipt) mail.wake(); // the receipt leaves now rather than at the sender's next tick
      return recorded;
    },
    'payments.allocate': async (input, ctx) => allocatePayment(db, input, ctx.actor),
    'payments.list': async (input) => listPayments(db, input),
    'payments.refund': async (input, ctx) => refundPayment(db, input, ctx.actor),
    'payments.defaultProposals': async () => defaultProposals(db),
    'clients.journal': async (input) => clientJournal(db, input.clientId),
  };
}
