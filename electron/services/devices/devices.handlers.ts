import type { deviceCalls } from '../../contract/devices';
import type { DomainHandlers, NamesOf, SharedServices } from '../handler-kit';
import { deleteCredential, getHoldingPool, listCredentials, setCredential, setHoldingPool } from './devices.credentials';
import { getRunStatus, listRuns } from './devices.runs';

export function deviceHandlers({ db, secrets, deviceActions }: SharedServices): DomainHandlers<NamesOf<typeof deviceCalls>> {
  return {
    'devices.credentials.list': async () => listCredentials(db),
    'devices.credentials.set': async (input, ctx) => setCredential(db, input, secrets, ctx.actor),
    'devices.credentials.delete': async (input, ctx) => deleteCredential(db, input.id, ctx.actor),
    'devices.holdingPool.get': async () => getHoldingPool(db),
    'devices.holdingPool.set': async (input, ctx) => setHoldingPool(db, input, secrets, ctx.actor),
    'devices.actions.preview': async (input) => deviceActions.preview(input.target, input.kind),
    'devices.actions.start': async (input, ctx) => deviceActions.start(input, ctx.actor),
    'devices.actions.status': async (input) => getRunStatus(db, input),
    'devices.actions.list': async (input) => listRuns(db, input),
    'devices.redirects.count': async (input) => ({ redirected: deviceActions.redirectedCount(input.target) }),
  };
}
