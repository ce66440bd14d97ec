import type { contractCalls } from '../../contract/contracts';
import { clientScopeOf } from '../client-scope/client-scope';
import type { DomainHandlers, NamesOf, SharedServices } from '../handler-kit';
import { equipmentCandidates, siteCandidates } from './contracts.candidates';
import { contractDefaults, createContract, deleteDraft, updateContract } from './contracts.create';
import { assignEquipment, releaseEquipment } from './contracts.equipment';
import { contractTimeline } from './contracts.events';
import { activateContract, extendContract, terminateContract } from './contracts.lifecycle';
import { listContracts } from './contracts.list';
import { getContractDetail } from './contracts.read';
import { renewContract } from './contracts.renewal';

export function contractHandlers({ db }: SharedServices): DomainHandlers<NamesOf<typeof contractCalls>> {
  return {
    'contracts.defaults': async (input) => contractDefaults(db, input),
    'contracts.create': async (input, ctx) => createContract(db, input, ctx.actor),
    'contracts.update': async (input, ctx) => updateContract(db, input, ctx.actor),
    'contracts.get': async (input) => getContractDetail(db, input.id),
    'contracts.list': async (input, ctx) => listContracts(db, input, new Date(), clientScopeOf(db, ctx.origin)),
    'contracts.assignEquipment': async (input, ctx) => assignEquipment(db, input, ctx.actor),
    'contracts.releaseEquipment': async (input, ctx) => releaseEquipment(db, input, ctx.actor),
    'contracts.activate': async (input, ctx) => activateContract(db, input.id, ctx.actor),
    'contracts.extend': async (input, ctx) => extendContract(db, input, ctx.actor),
    'contracts.renew': async (input, ctx) => renewContract(db, input.id, ctx.actor),
    'contracts.terminate': async (input, ctx) => terminateContract(db, input, ctx.actor),
    'contracts.deleteDraft': async (input, ctx) => deleteDraft(db, input.id, ctx.actor),
    'contracts.timeline': async (input) => contractTimeline(db, input.id),
    'contracts.equipmentCandidates': async (input) => equipmentCandidates(db, input),
    'contracts.siteCandidates': async (input) => siteCandidates(db, input.contractId),
  };
}
