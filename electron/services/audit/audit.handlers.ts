import type { auditCalls } from '../../contract/audit';
import { clientScopeOf } from '../client-scope/client-scope';
import type { DomainHandlers, NamesOf, SharedServices } from '../handler-kit';
import { listAudit } from './audit.service';

export function auditHandlers({ db }: SharedServices): DomainHandlers<NamesOf<typeof auditCalls>> {
  return {
    'audit.list': async (input, ctx) => listAudit(db, input, clientScopeOf(db, ctx.origin)),
  };
}
