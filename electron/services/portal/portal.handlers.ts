import type { clientViewerCalls, portalCalls } from '../../contract/portal';
import { administratorOf } from '../auth/auth.users';
import { createClientViewer, listClientViewers, setClientViewerEnabled } from '../clients/clients.viewers';
import type { DomainHandlers, NamesOf, SharedServices } from '../handler-kit';
import { portalInvoicePdf, portalInvoices, portalMiners, portalOverview, viewerClientId } from './portal.service';

/** The client view (its client from the caller's login) and the client's viewer logins. */
export function portalHandlers({ db, auth }: SharedServices): DomainHandlers<NamesOf<typeof portalCalls> | NamesOf<typeof clientViewerCalls>> {
  return {
    'portal.overview': async (_input, ctx) => portalOverview(db, viewerClientId(db, ctx.origin)),
    'portal.miners': async (input, ctx) => portalMiners(db, viewerClientId(db, ctx.origin), input),
    'portal.invoices': async (_input, ctx) => portalInvoices(db, viewerClientId(db, ctx.origin)),
    'portal.invoicePdf': async (input, ctx) => portalInvoicePdf(db, viewerClientId(db, ctx.origin), input.id),
    'clients.viewers.list': async (input) => listClientViewers(db, input.clientId),
    'clients.viewers.create': (input, ctx) => createClientViewer(auth, input, administratorOf(ctx)),
    'clients.viewers.setEnabled': async (input, ctx) => setClientViewerEnabled(auth, input, administratorOf(ctx)),
  };
}
