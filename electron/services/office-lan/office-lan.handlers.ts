import type { officeLanCalls } from '../../contract/office-lan';
import type { DomainHandlers, NamesOf, SharedServices } from '../handler-kit';
import { dataDirOf, officeLanStatus, updateOfficeLanSetting } from './office-lan.service';

export function officeLanHandlers({ db }: SharedServices): DomainHandlers<NamesOf<typeof officeLanCalls>> {
  return {
    'officeLan.get': async () => officeLanStatus(dataDirOf(db)),
    'officeLan.update': async (input, ctx) => updateOfficeLanSetting(db, input, ctx.actor),
  };
}
