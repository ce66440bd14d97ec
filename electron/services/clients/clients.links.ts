import type { DbOrTx } from '../../../db/open-db';

/**
 * What a client has in the records of later issues. Each figure is 0 today because its table does not
 * exist yet; the issue that adds the table fills it here, and the list, detail, archive and merge
 * rules that read these figures start working without further change.
 */
export type ClientLinks = {
  /** Contracts issue: contracts in status active. */
  activeContracts: number;
  /** Contracts issue: sites assigned by O&M contracts. */
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
export function readClientLinks(_db: DbOrTx, clientIds: readonly number[]): Map<number, ClientLinks> {
  return new Map(clientIds.map((id) => [id, { ...none }]));
}

/** The links of one client. */
export function readOneClientLinks(db: DbOrTx, clientId: number): ClientLinks {
  return readClientLinks(db, [clientId]).get(clientId) ?? { ...none };
}
