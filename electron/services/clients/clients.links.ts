import type { DbOrTx } from '../../../db/open-db';
import { contractFiguresOfClients } from '../contracts/contracts.clients';

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
  /** Invoices issue: invoices issued to the client, and those not fully paid. */
  invoices: number;
  unpaidInvoices: number;
  /** Billing issue: payments received, and the amount owed in minor units of the client's currency. */
  payments: number;
  balanceMinor: number;
};

const none: ClientLinks = { activeContracts: 0, omSites: 0, invoices: 0, unpaidInvoices: 0, payments: 0, balanceMinor: 0 };

/** The links of several clients at once (one query per table once they exist), keyed by client id. */
export function readClientLinks(db: DbOrTx, clientIds: readonly number[]): Map<number, ClientLinks> {
  const contracts = contractFiguresOfClients(db, clientIds);
  return new Map(
    clientIds.map((id) => {
      const figures = contracts.get(id)!;
      return [id, { ...none, activeContracts: figures.inForce, omSites: figures.omSites }];
    }),
  );
}

/** The links of one client. */
export function readOneClientLinks(db: DbOrTx, clientId: number): ClientLinks {
  return readClientLinks(db, [clientId]).get(clientId) ?? { ...none };
}
