import type { dashboardCalls } from '../../contract/dashboard';
import type { DomainHandlers, NamesOf, SharedServices } from '../handler-kit';
import { dashboardSummary } from './dashboard.summary';

export function dashboardHandlers({ db }: SharedServices): DomainHandlers<NamesOf<typeof dashboardCalls>> {
  return {
    'dashboard.summary': async () => dashboardSummary(db),
  };
}
