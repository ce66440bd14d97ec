import type { appCalls } from '../../contract/app';
import { hasNoChanges } from '../audit/audit.service';
import type { DomainHandlers, NamesOf, SharedServices } from '../handler-kit';
import { seedDemo } from './demo.service';

/** What the app is (version, whether the database is still empty, where it has connected to) and the demo facility. */
export function appHandlers({ db, version, secrets, powerProfiles, scanner, outbound }: SharedServices): DomainHandlers<NamesOf<typeof appCalls>> {
  return {
    'app.info': async () => ({ version, isEmpty: hasNoChanges(db), keyStorage: secrets.keyStorage }),
    'app.outbound': async () => outbound.read(),
    'demo.seed': async (_input, ctx) => seedDemo(db, ctx.actor, { secrets, builtIns: powerProfiles, scanner }),
  };
}
