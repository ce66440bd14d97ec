import type { discoveryCalls } from '../../contract/discovery';
import type { DomainHandlers, NamesOf, SharedServices } from '../handler-kit';
import { commitScan } from './scan/scan.commit';
import { refusePublicRanges } from './scan-scope';
import { getSiteScanRanges, saveSiteScanRanges } from './scan/scan.ranges';

export function discoveryHandlers({ db, scanner }: SharedServices): DomainHandlers<NamesOf<typeof discoveryCalls>> {
  return {
    'discovery.scan': async (input, ctx) => {
      refusePublicRanges(db, input.ranges);
      return scanner.start(input, ctx.actor);
    },
    'discovery.status': async (input) => scanner.status(input.scanId),
    'discovery.cancel': async (input) => scanner.cancel(input.scanId),
    'discovery.scans': async (input) => scanner.list(input.limit),
    'discovery.results': async (input) => scanner.results(input),
    'discovery.commit': async (input, ctx) => commitScan(db, scanner, input, ctx.actor),
    'discovery.ranges.get': async (input) => getSiteScanRanges(db, input.siteId),
    'discovery.ranges.save': async (input, ctx) => saveSiteScanRanges(db, input, ctx.actor),
  };
}
