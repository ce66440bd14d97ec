import type { dashboardCalls } from '../../contract/dashboard';
import type { DomainHandlers, NamesOf, SharedServices } from '../handler-kit';
import { clientScopeOf } from '../client-scope/client-scope';
import { dashboardSummary } from './dashboard.summary';

export function dashboardHandlers({ db }: SharedServices): DomainHandlers<NamesOf<typeof dashboardCalls>> {
  return {
    'dashboard.summary': async (_input, ctx) => dashboardSummary(db, new Date(), clientScopeOf(db, ctx.origin)),
  };
}
