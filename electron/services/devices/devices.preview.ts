import type { DbOrTx } from '../../../db/open-db';
import { minerCredentials } from '../../../db/schema';
import { minerFamilyLabels, type DeviceActionPreview, type DevicePreviewFamily, type MinerFamilyName } from '../../contract/devices';
import type { DeviceActionKind } from '../../contract/devices.vocab';
import type { MinerDriver } from '../discovery/drivers/types';
import { getHoldingPool, hasLoginFor } from './devices.credentials';
import { redirectSkipReason } from './devices.execute';
import type { TargetMiner } from './devices.target';

/** The confirmation of an action: per family, how many miners, whether it works there, how many use the factory login. */
export function previewAction(
  db: DbOrTx,
  targets: readonly TargetMiner[],
  kind: DeviceActionKind,
  drivers: ReadonlyMap<string, MinerDriver>,
): DeviceActionPreview {
  const hasLogin = hasLoginFor(db.select({ siteId: minerCredentials.siteId, family: minerCredentials.family }).from(minerCredentials).all());
  const families = new Map<string, DevicePreviewFamily>();
  let withoutAddress = 0;
  let unknownFamily = 0;
  let done = 0;
  let missingCredentials = 0;
  for (const miner of targets) {
    if (redirectSkipReason(miner, kind) !== null) done += 1;
    else if (!miner.ip) withoutAddress += 1;
    else if (!miner.family) unknownFamily += 1;
    else {
      let line = families.get(miner.family);
      if (!line) {
        const driver = drivers.get(miner.family);
        line = {
          family: miner.family,
          label: driver?.label ?? minerFamilyLabels[miner.family as MinerFamilyName] ?? miner.family,
          count: 0,
          supported: driver !== undefined && driver.supports[kind === 'reboot' ? 'reboot' : 'setPools'],
          missingCredentials: 0,
        };
        families.set(miner.family, line);
      }
      line.count += 1;
      if (line.supported && !hasLogin(miner.siteId, miner.family)) {
        line.missingCredentials += 1;
        missingCredentials += 1;
      }
    }
  }
  return {
    kind,
    total: targets.length,
    families: [...families.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    withoutAddress,
    unknownFamily,
    missingCredentials,
    alreadyDone: done,
    holdingPoolSet: getHoldingPool(db) !== null,
  };
}
