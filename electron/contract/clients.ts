import { z } from 'zod';
import { call } from './define';
import { blankAsNull, countrySchema, emailSchema, idSchema, nameText, optionalEmailSchema, optionalLineText, optionalText, phoneSchema } from './fields';
import type { ClientPrice } from './clients.records';
import { currencySchema } from './settings';

/** Account status, as in Dune Host OS plus Fleio's "suspended". */
export const clientStatuses = ['active', 'inactive', 'suspended', 'in_default', 'pool_redirected'] as const;
export type ClientStatus = (typeof clientStatuses)[number];

/** How each status is written in the interface and in messages. */
export const clientStatusLabels: Record<ClientStatus, string> = {
  active: 'Active',
  inactive: 'Inactive',
  suspended: 'Suspended',
  in_default: 'In Default',
  pool_redirected: 'Pool Redirected',
};

/** Statuses that must be explained: the reason is recorded in the status history. */
export const statusesNeedingReason: readonly ClientStatus[] = ['in_default', 'suspended'];

export type Ref = { id: number; name: string };

/** A client as stored. Empty text fields are "", never null. */
export type Client = {
  id: number;
  name: string;
  /** Printed on invoices when set. */
  company: string;
  contactEmail: string;
  /** As typed; null means invoices go to the contact e-mail (see effectiveBillingEmail). */
  billingEmail: string | null;
  phone: string;
  messenger: string;
  address: string;
  city: string;
  zip: string;
  /** ISO 3166-1 alpha-2, or null when unknown. */
  country: string | null;
  /** ISO 4217 as chosen; null means the organisation's default (see effectiveCurrency). */
  currency: string | null;
  groupId: number | null;
  taxExempt: boolean;
  taxId: string;
  managerId: number;
  /** Internal notes: never printed. */
  notes: string;
  status: ClientStatus;
  archivedAt: string | null;
  mergedIntoId: number | null;
  createdAt: string;
  updatedAt: string;
};

/**
 * A client's money in one currency, in minor units: what its issued invoices and credit notes still owe, its
 * unallocated credit, and owed − credit (negative: in credit). Amounts of different currencies are never added.
 */
export type CurrencyBalance = { currency: string; owedMinor: number; creditMinor: number; balanceMinor: number };

/** Everything the detail page shows: the client, its references resolved, and the Overview cards. */
export type ClientDetail = Client & {
  effectiveBillingEmail: string;
  effectiveCurrency: string;
  group: Ref | null;
  manager: Ref;
  mergedInto: Ref | null;
  counts: {
    /** Contracts in force (active or expiring). */
    activeContracts: number;
    assignedMiners: number;
    /** Sites held now by the client's O&M contracts in force. */
    omSites: number;
    contacts: number;
    documents: number;
    openTasks: number;
  };
  /** What the client owes per currency (never added across currencies); empty when it owes nothing and has no credit. */
  balances: CurrencyBalance[];
  /** The price row in force today (site calendar), or null when the global rates apply. */
  currentPricing: ClientPrice | null;
};

export type ClientStatusChange = {
  id: number;
  clientId: number;
  /** null for the row written when the client was created. */
  fromStatus: ClientStatus | null;
  toStatus: ClientStatus;
  reason: string | null;
  actor: string;
  at: string;
};

export type MergeCounts = {
  miners: number;
  /** Every contract of the client, whatever its status. */
  contracts: number;
  /** Draft and held invoices: issued ones stay with the archived client as records of whom they billed. */
  invoices: number;
  /** 0 until the billing issue lands. */
  payments: number;
  contacts: number;
  documents: number;
  tasks: number;
  pricingRows: number;
};

export type MergePreview = {
  source: Ref;
  survivor: Ref;
  moves: MergeCounts;
  /** Plain sentences about what will not move or will change meaning, e.g. a price date both clients have. */
  conflicts: string[];
};

export type MergeResult = { survivor: ClientDetail; moved: MergeCounts };

/** The fields of the add/edit form. Update replaces every field: send the whole form. */
export const clientFields = {
  name: nameText(200),
  company: optionalLineText(200),
  contactEmail: emailSchema,
  billingEmail: optionalEmailSchema,
  phone: phoneSchema,
  messenger: optionalLineText(100),
  address: optionalText(500),
  city: optionalLineText(100),
  zip: optionalLineText(20),
  country: blankAsNull(countrySchema),
  currency: blankAsNull(currencySchema),
  groupId: idSchema.nullable().default(null),
  taxExempt: z.boolean().default(false),
  taxId: optionalLineText(64),
  managerId: idSchema,
  notes: optionalText(5000),
};

export type ClientForm = { [K in keyof typeof clientFields]: z.input<(typeof clientFields)[K]> };

/** The editable fields of a client, to fill the edit form or build a `clients.update` input from it. */
export function clientFormOf(client: Client): ClientForm {
  const form: Partial<Record<keyof ClientForm, unknown>> = {};
  for (const key of Object.keys(clientFields) as (keyof ClientForm)[]) form[key] = client[key];
  return form as ClientForm;
}

const byId = z.object({ id: idSchema }).strict();
const mergePair = z.object({ sourceId: idSchema, survivorId: idSchema }).strict();

export const clientCalls = {
  'clients.create': call<ClientDetail>()(z.object(clientFields).strict()),
  'clients.update': call<ClientDetail>()(z.object({ id: idSchema, ...clientFields }).strict()),
  'clients.get': call<ClientDetail>()(byId),
  /** Reason is required for in_default and suspended. Archived clients are refused. */
  'clients.setStatus': call<ClientDetail>()(
    z
      .object({
        id: idSchema,
        status: z.enum(clientStatuses, { error: 'must be one of active, inactive, suspended, in_default, pool_redirected' }),
        reason: z.string().trim().max(1000, 'must be at most 1000 characters').nullable().default(null),
      })
      .strict(),
  ),
  /** Newest first. */
  'clients.statusHistory': call<ClientStatusChange[]>()(z.object({ clientId: idSchema }).strict()),
  'clients.merge.preview': call<MergePreview>()(mergePair),
  /** One transaction: miners, contracts, tasks, contacts, documents and pricing move; the source is archived pointing at the survivor. */
  'clients.merge': call<MergeResult>()(mergePair),
  /** No hard delete. Refused while the client has miners, active contracts or unpaid invoices. */
  'clients.archive': call<ClientDetail>()(byId),
};
