import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/open-db';
import { invoices, staff } from '../../../db/schema';
import { contract, type Contract } from '../../contract';
import type { CallOrigin } from '../../contract/auth';
import type { ParsedInputOf } from '../../contract/define';
import { AppError } from '../../contract/errors';
import type { InvoicePdf } from '../../contract/invoices';
import type { PortalInvoice, PortalMinerPage, PortalOverview } from '../../contract/portal';
import { staffIdBehind } from '../auth/auth.service';
import { getClientDetail } from '../clients/clients.service';
import { listContracts } from '../contracts/contracts.list';
import { invoicePdf } from '../invoices/invoice.pdf';
import { listInvoices } from '../invoices/invoices.read';
import { listMiners } from '../miners/miners.list';
import { balancesOfClient } from '../payments/payments.balances';
import { readSettingsRow } from '../settings/settings.service';

/**
 * The client view: the caller's own client, read through the same services the facility's pages use, with the
 * client fixed by the login and the rows cut down to what a client may see. An invoice that is not the caller's
 * client's, or not issued, answers as if it did not exist.
 */

/** The client of the client's viewer behind this call; refused for anyone else. */
export function viewerClientId(db: DbOrTx, origin: CallOrigin | undefined): number {
  const staffId = staffIdBehind(origin);
  const row = staffId === null ? undefined : db.select({ clientId: staff.clientId }).from(staff).where(eq(staff.id, staffId)).get();
  if (row?.clientId == null) throw new AppError('FORBIDDEN', 'The client view is open to a client’s own viewer login only.');
  return row.clientId;
}

/** Contracts a client sees: everything but drafts, which are still the facility's to change. */
const shownContractStatuses = ['active', 'expiring', 'renewed', 'ended', 'terminated'] as const;

export function portalOverview(db: DbOrTx, clientId: number, now = new Date()): PortalOverview {
  const client = getClientDetail(db, clientId);
  const miners = listMiners(db, contract['miners.list'].input.parse({ clientIds: [clientId], limit: 1 }));
  const contracts = listContracts(db, contract['contracts.list'].input.parse({ clientId, status: [...shownContractStatuses], limit: 500 }), now);
  const byStatus = Object.fromEntries(Object.entries(miners.statusCounts).filter(([, n]) => n > 0));
  return {
    client: { id: client.id, name: client.name, status: client.status, currency: client.effectiveCurrency },
    timeZone: readSettingsRow(db).timeZone,
    balances: balancesOfClient(db, clientId),
    miners: { total: miners.total, byStatus },
    contracts: contracts.rows.map((row) => ({
      id: row.id,
      number: row.reference,
      type: row.type,
      status: row.status,
      site: row.site.name,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      noticeBy: row.noticeBy,
      minerCount: row.minerCount,
    })),
  };
}

export function portalMiners(db: DbOrTx, clientId: number, input: ParsedInputOf<Contract['portal.miners']>): PortalMinerPage {
  const page = listMiners(
    db,
    contract['miners.list'].input.parse({ clientIds: [clientId], search: input.search, offset: input.offset, limit: input.limit, sort: 'assetId' }),
  );
  return {
    total: page.total,
    rows: page.rows.map((m) => ({
      id: m.id,
      assetId: m.assetId,
      serial: m.serial,
      make: m.make,
      model: m.model,
      site: m.siteName,
      rack: m.rackName,
      rackPosition: m.rackPosition,
      status: m.liveStatus,
      hashrateThs: m.live?.hashrateThs ?? null,
      nominalHashrateThs: m.nominalHashrateThs,
      powerW: m.live?.powerW ?? null,
      workerName: m.workerName,
      lastSeenAt: m.lastSeenAt,
    })),
  };
}

/** An invoice its client sees: issued (numbered), so not a draft or held one. */
const shownToClient = (invoice: { number: string | null }): boolean => invoice.number !== null;

export function portalInvoices(db: DbOrTx, clientId: number, now = new Date()): PortalInvoice[] {
  return listInvoices(db, { clientId }, now)
    .invoices.filter(shownToClient)
    .sort((a, b) => (b.issueDate ?? '').localeCompare(a.issueDate ?? '') || b.id - a.id)
    .map((i) => ({
      id: i.id,
      kind: i.kind,
      number: i.number,
      status: i.status,
      contractNumber: i.contractNumber,
      period: i.period,
      issueDate: i.issueDate,
      dueDate: i.dueDate,
      currency: i.currency,
      total: i.total,
      amountPaid: i.amountPaid,
      amountDue: i.amountDue,
    }));
}

export async function portalInvoicePdf(db: Db, clientId: number, id: number): Promise<InvoicePdf> {
  const row = db.select({ clientId: invoices.clientId, number: invoices.number }).from(invoices).where(eq(invoices.id, id)).get();
  if (row?.clientId !== clientId || !shownToClient(row)) throw new AppError('NOT_FOUND', `Invoice ${id} was not found among your invoices.`);
  return invoicePdf(db, id, 'A4');
}
