import type { alertCalls } from '../../contract/alerts';
import { clientScopeOf } from '../client-scope/client-scope';
import type { DomainHandlers, NamesOf, SharedServices } from '../handler-kit';
import { acknowledgeAlerts, alertFeed, listAlerts } from './alerts.list';
import { listAlertRules } from './alerts.rules';

export function alertHandlers({ db, alerts }: SharedServices): DomainHandlers<NamesOf<typeof alertCalls>> {
  return {
    'alerts.list': async (input, ctx) => listAlerts(db, input, clientScopeOf(db, ctx.origin)),
    'alerts.acknowledge': async (input, ctx) => acknowledgeAlerts(db, input, ctx.actor, alerts.now()),
    'alerts.rules.get': async () => listAlertRules(db),
    'alerts.rules.update': async (input, ctx) => alerts.updateRules(input, ctx.actor),
    'alerts.feed': async (input, ctx) => alertFeed(db, input.afterId, alerts.now(), clientScopeOf(db, ctx.origin)),
    'alerts.evaluate': async () => alerts.evaluate(),
  };
}
