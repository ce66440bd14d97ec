import type { staffCalls } from '../../contract/staff';
import type { DomainHandlers, NamesOf, SharedServices } from '../handler-kit';
import { createStaff, listStaff, updateStaff } from './staff.service';

export function staffHandlers({ db }: SharedServices): DomainHandlers<NamesOf<typeof staffCalls>> {
  return {
    'staff.list': async (input) => listStaff(db, input),
    'staff.create': async (input, ctx) => createStaff(db, input, ctx.actor),
    'staff.update': async (input, ctx) => updateStaff(db, input, ctx.actor),
  };
}
