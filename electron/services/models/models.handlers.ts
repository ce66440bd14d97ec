import type { modelCalls } from '../../contract/models';
import type { DomainHandlers, NamesOf, SharedServices } from '../handler-kit';
import { createModel, listModels, updateModel } from './models.service';

export function modelHandlers({ db }: SharedServices): DomainHandlers<NamesOf<typeof modelCalls>> {
  return {
    'models.list': async (input) => listModels(db, input),
    'models.create': async (input, ctx) => createModel(db, input, ctx.actor),
    'models.update': async (input, ctx) => updateModel(db, input, ctx.actor),
  };
}
