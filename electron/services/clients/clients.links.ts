import type { DbOrTx } from '../../../db/open-db';
import { contractFiguresOfClients } from '../contracts/contracts.clients';
import type { CurrencyBalance } from '../../contract/clients';
import { invoiceFiguresOfClients } from '../invoices/invoices.clients';
import { balancesOfClients } from '../payments/payments.balances';
import { paymentCountsOfClients } from '../payments/payments.read';

/**
 * What a client has in the records of later issues. Figures whose table does not exist yet are 0; the
 * issue that adds the table fills them here, and the list, detail, archive and merge rules that read
 * these figures start working without further change.
 */
export type ClientLinks = {
  /** Contracts in force (active or expiring). */
  activeContracts: number;
  /** Sites held now by the client's O&M contracts in force. */
  omSites: number;
  /** Invoices issued to the client (not void), and those not fully paid. */
  invoices: number;
  unpaidInvoices: number;
  /** Payments received. */
  payments: number;
  /** Per currency: what issued invoices still owe less credit notes and unallocated credit (see payments.balances). */
  balances: CurrencyBalance[];
};

const none: ClientLinks = { activeContracts: 0, omSites: 0, invoices: 0, unpaidInvoices: 0, payments: 0, balances: [] };

/** The links of several clients at once (one query per table once they exist), keyed by client id. */
export function readClientLinks(db: DbOrTx, clientIds: readonly number[]): Map<number, ClientLinks> {
  const contracts = contractFiguresOfClients(db, clientIds);
  const invoices = invoiceFiguresOfClients(db, clientIds);
  const payments = paymentCountsOfClients(db, clientIds);
  const balances = balancesOfClients(db, clientIds);
  return new Map(
    clientIds.map((id) => {
      const figures = contracts.get(id)!;
      const money = { payments: payments.get(id) ?? 0, balances: balances.get(id) ?? [] };
      return [id, { ...none, activeContracts: figures.inForce, omSites: figures.omSites, ...invoices.get(id)!, ...money }];
    }),
  );
}

/** The links of one client. */
export function readOneClientLinks(db: DbOrTx, clientId: number): ClientLinks {
  return readClientLinks(db, [clientId]).get(clientId) ?? { ...none };
}
