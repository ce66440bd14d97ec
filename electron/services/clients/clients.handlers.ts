import type { clientCalls } from '../../contract/clients';
import type { clientListCalls } from '../../contract/clients.list';
import type { clientRecordCalls } from '../../contract/clients.records';
import type { DomainHandlers, NamesOf, SharedServices } from '../handler-kit';
import { createClientContact, deleteClientContact, listClientContacts, updateClientContact } from './clients.contacts';
import { deleteClientDocument, getClientDocument, listClientDocuments, uploadClientDocument } from './clients.documents';
import { createClientGroup, listClientGroups } from './clients.groups';
import { listClients } from './clients.list';
import { mergeClients, previewMerge } from './clients.merge';
import { listClientPricing, setClientPrice } from './clients.pricing';
import { archiveClient, createClient, getClientDetail, updateClient } from './clients.service';
import { listStatusHistory, setClientStatus } from './clients.status';

type ClientNames = NamesOf<typeof clientCalls> | NamesOf<typeof clientListCalls> | NamesOf<typeof clientRecordCalls>;

export function clientHandlers({ db }: SharedServices): DomainHandlers<ClientNames> {
  return {
    'clients.create': async (input, ctx) => createClient(db, input, ctx.actor),
    'clients.update': async (input, ctx) => updateClient(db, input, ctx.actor),
    'clients.get': async (input) => getClientDetail(db, input.id),
    'clients.list': async (input) => listClients(db, input),
    'clients.setStatus': async (input, ctx) => getClientDetail(db, setClientStatus(db, input, ctx.actor).id),
    'clients.statusHistory': async (input) => listStatusHistory(db, input.clientId),
    'clients.merge.preview': async (input) => previewMerge(db, input.sourceId, input.survivorId),
    'clients.merge': async (input, ctx) => mergeClients(db, input.sourceId, input.survivorId, ctx.actor),
    'clients.archive': async (input, ctx) => archiveClient(db, input.id, ctx.actor),

    'clients.contacts.list': async (input) => listClientContacts(db, input.clientId),
    'clients.contacts.create': async (input, ctx) => createClientContact(db, input, ctx.actor),
    'clients.contacts.update': async (input, ctx) => updateClientContact(db, input, ctx.actor),
    'clients.contacts.delete': async (input, ctx) => deleteClientContact(db, input.id, ctx.actor),
    'clients.documents.list': async (input) => listClientDocuments(db, input.clientId),
    'clients.documents.upload': async (input, ctx) => uploadClientDocument(db, input, ctx.actor),
    'clients.documents.get': async (input) => getClientDocument(db, input.id),
    'clients.documents.delete': async (input, ctx) => deleteClientDocument(db, input.id, ctx.actor),
    'clients.pricing.set': async (input, ctx) => setClientPrice(db, input, ctx.actor),
    'clients.pricing.list': async (input) => listClientPricing(db, input.clientId),
    'clients.groups.list': async () => listClientGroups(db),
    'clients.groups.create': async (input, ctx) => createClientGroup(db, input, ctx.actor),
  };
}
