import type { appCalls } from '../../contract/app';
import { hasNoChanges } from '../audit/audit.service';
import type { DomainHandlers, NamesOf, SharedServices } from '../handler-kit';
import { seedDemo } from './demo.service';

/** What the app is (version, data folder, whether the database is still empty, where it has connected to) and the demo facility. */
export function appHandlers({ db, version, secrets, powerProfiles, scanner, outbound, dataFolder }: SharedServices): DomainHandlers<NamesOf<typeof appCalls>> {
  return {
    'app.info': async () => ({
      version,
      isEmpty: hasNoChanges(db),
      keyStorage: secrets.keyStorage,
      dataFolder: dataFolder.path,
      canOpenDataFolder: dataFolder.canOpen,
    }),
    'app.outbound': async () => outbound.read(),
    // The desktop window's calls carry no network address; a browser's (serve, office network) do.
    'app.openDataFolder': async (_input, ctx) => dataFolder.open(!ctx.origin || ctx.origin.address === null),
    'demo.seed': async (_input, ctx) => seedDemo(db, ctx.actor, { secrets, builtIns: powerProfiles, scanner }),
  };
}
