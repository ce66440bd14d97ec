import type { billingCalls } from '../../contract/billing';
import type { DomainHandlers, NamesOf, SharedServices } from '../handler-kit';
import { previewBill } from './billing.service';

export function billingHandlers({ db }: SharedServices): DomainHandlers<NamesOf<typeof billingCalls>> {
  return {
    'billing.preview': async (input) => previewBill(db, input),
  };
}
