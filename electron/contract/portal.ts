import { z } from 'zod';
import type { ClientStatus, CurrencyBalance } from './clients';
import type { ContractStatus, ContractType } from './contracts.vocab';
import { call } from './define';
import { emailSchema, idSchema, nameText } from './fields';
import type { InvoiceSummary, InvoicePdf } from './invoices';
import { loginSchema, passwordSchema } from './auth.vocab';
import type { MinerLiveStatus } from './miners';

/**
 * The client view: what a person of a client (a client's own viewer login) sees of that client, read only. Every
 * `portal.*` procedure answers for the caller's own client only; the client comes from the login, never the input.
 */

/** A contract as its client sees it. */
export type PortalContract = {
  id: number;
  number: string;
  type: ContractType;
  status: ContractStatus;
  site: string;
  startsAt: string;
  endsAt: string;
  noticeBy: string;
  minerCount: number;
};

export type PortalOverview = {
  client: { id: number; name: string; status: ClientStatus; currency: string };
  /** The organisation's IANA zone: the calendar the view's dates are written in. */
  timeZone: string;
  /** Owed, credit and balance per currency, minor units (as the client's page shows them). */
  balances: CurrencyBalance[];
  miners: { total: number; byStatus: Partial<Record<MinerLiveStatus, number>> };
  /** Active contracts and those in notice or ended in the last year; drafts are the facility's own. */
  contracts: PortalContract[];
};

/** One of the client's miners: where it is, how it runs. No facility notes, tags or logins. */
export type PortalMiner = {
  id: number;
  assetId: string;
  serial: string | null;
  make: string;
  model: string;
  site: string | null;
  rack: string | null;
  rackPosition: number | null;
  status: MinerLiveStatus;
  hashrateThs: string | null;
  nominalHashrateThs: string | null;
  powerW: number | null;
  workerName: string | null;
  lastSeenAt: string | null;
};

export type PortalMinerPage = { rows: PortalMiner[]; total: number };

/** Issued invoices and credit notes only: drafts and held invoices are not the client's yet. */
export type PortalInvoice = Pick<
  InvoiceSummary,
  'id' | 'kind' | 'number' | 'status' | 'contractNumber' | 'period' | 'issueDate' | 'dueDate' | 'currency' | 'total' | 'amountPaid' | 'amountDue'
>;

/** A person of a client who may sign in to the client view, as the client's page lists them. */
export type ClientViewer = {
  staffId: number;
  name: string;
  email: string | null;
  login: string | null;
  /** Signing in is allowed: active, a login that is not disabled. */
  enabled: boolean;
  lastSignInAt: string | null;
};

export const portalCalls = {
  /** The caller's client: name, status, balances, miners by status and contracts. */
  'portal.overview': call<PortalOverview>()(z.object({}).strict()),
  /** A page of the caller's client's miners, searchable by asset ID, serial, model or worker. */
  'portal.miners': call<PortalMinerPage>()(
    z
      .object({
        search: z.string().trim().max(200).default(''),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500, 'must be at most 500').default(100),
      })
      .strict(),
  ),
  /** The caller's client's issued invoices and credit notes, newest first. */
  'portal.invoices': call<PortalInvoice[]>()(z.object({}).strict()),
  /** The PDF of one of them; another client's invoice, or a draft, is not found. */
  'portal.invoicePdf': call<InvoicePdf>()(z.object({ id: idSchema }).strict()),
};

export const clientViewerCalls = {
  /** The people of a client who may sign in to its client view. */
  'clients.viewers.list': call<ClientViewer[]>()(z.object({ clientId: idSchema }).strict()),
  /** A new person of the client with a login to the client view; they choose their own password at first sign-in unless told otherwise. */
  'clients.viewers.create': call<ClientViewer>()(
    z
      .object({
        clientId: idSchema,
        name: nameText(120),
        email: emailSchema.optional(),
        login: loginSchema,
        password: passwordSchema,
        mustChangePassword: z.boolean({ error: 'must be on or off' }).default(true),
      })
      .strict(),
  ),
  /** Turns a client viewer's login off (kept, refused) or on again; their sessions end when it is turned off. */
  'clients.viewers.setEnabled': call<ClientViewer>()(z.object({ staffId: idSchema, enabled: z.boolean({ error: 'must be on or off' }) }).strict()),
};
