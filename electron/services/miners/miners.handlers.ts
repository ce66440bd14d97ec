import type { minerEditCalls } from '../../contract/miners.edit';
import type { minerImportCalls } from '../../contract/miners.import';
import type { minerListCalls } from '../../contract/miners.list';
import type { minerRecordCalls } from '../../contract/miners.records';
import type { DomainHandlers, NamesOf, SharedServices } from '../handler-kit';
import { commitImport } from './import/import.commit';
import { previewImport } from './import/import.preview';
import { importTemplate } from './import/import.template';
import { massEditMiners, undoMassEdit } from './miners.edit';
import { exportMiners } from './miners.export';
import { getMinerDetail, listMiners } from './miners.list';
import { createMinerRecord, getMinerHistory, updateMinerRecord } from './miners.records';
import { listIdentityReviews, resolveIdentityReview } from './miners.records.reviews';

type MinerNames = NamesOf<typeof minerListCalls> | NamesOf<typeof minerEditCalls> | NamesOf<typeof minerImportCalls> | NamesOf<typeof minerRecordCalls>;

export function minerHandlers({ db }: SharedServices): DomainHandlers<MinerNames> {
  return {
    'miners.list': async (input) => listMiners(db, input),
    'miners.get': async (input) => getMinerDetail(db, input.id),
    'miners.massEdit': async (input, ctx) => massEditMiners(db, input, ctx.actor, new Date()),
    'miners.massEdit.undo': async (input, ctx) => undoMassEdit(db, input.undoToken, ctx.actor, new Date()),
    'miners.import.template': async (input) => importTemplate(db, input.format),
    'miners.import.preview': async (input, ctx) => previewImport(db, input, ctx.actor),
    'miners.import.commit': async (input, ctx) => commitImport(db, input, ctx.actor),
    'miners.export': async (input) => exportMiners(db, input),
    'miners.create': async (input, ctx) => createMinerRecord(db, input, ctx.actor),
    'miners.update': async (input, ctx) => updateMinerRecord(db, input, ctx.actor),
    'miners.history': async (input) => getMinerHistory(db, input.id),
    'miners.identity.reviews.list': async (input) => listIdentityReviews(db, input),
    'miners.identity.reviews.resolve': async (input, ctx) => resolveIdentityReview(db, input, ctx.actor),
  };
}
