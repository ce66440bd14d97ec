import { z } from 'zod';
import type { ClientStatus, CurrencyBalance, Ref } from './clients';
import { clientStatuses } from './clients';
import { call, type ListPage } from './define';
import { dateSchema, idSchema, pageSchema } from './fields';
import type { MinerLiveStatus } from './miners';
import type { TaskStatus } from './tasks';

export const clientSortKeys = ['id', 'name', 'company', 'country', 'created', 'balance', 'group'] as const;
export type ClientSortKey = (typeof clientSortKeys)[number];

/** Miners of one client by live status, plus how many are paid/unpaid. */
export type MinersBar = Record<MinerLiveStatus, number> & { paid: number; unpaid: number; total: number };
export type TasksBar = Record<TaskStatus, number> & { total: number };

export type ClientListRow = {
  id: number;
  name: string;
  company: string;
  contactEmail: string;
  /** Effective: the billing e-mail, or the contact e-mail when none is set. */
  billingEmail: string;
  phone: string;
  messenger: string;
  status: ClientStatus;
  group: Ref | null;
  manager: Ref;
  country: string | null;
  createdAt: string;
  minersBar: MinersBar;
  tasksBar: TasksBar;
  /** 0 until the invoices issue lands. */
  billsCount: number;
  /** What the client owes per currency, credit counted (never added across currencies); empty: nothing owed, no credit. */
  balances: CurrencyBalance[];
  /** The client's billing currency, or the organisation's default. */
  currency: string;
  archived: boolean;
};

/** Status counts: the numbers on the filter chips. */
export type ClientList = ListPage<ClientListRow, ClientStatus>;

const listFilters = z
  .object({
    /** Name, company, e-mail (contact or billing), phone; "#12" or "12" also finds client 12. */
    search: z.string().trim().max(200).default(''),
    statuses: z.array(z.enum(clientStatuses)).default([]),
    /** Created on or after this date (site calendar). */
    createdFrom: dateSchema.nullable().default(null),
    /** Created on or before this date (site calendar), inclusive. */
    createdTo: dateSchema.nullable().default(null),
    groupIds: z.array(idSchema).max(200).default([]),
    taxExempt: z.boolean().nullable().default(null),
    managerIds: z.array(idSchema).max(200).default([]),
    hasMiners: z.boolean().nullable().default(null),
    /** Has a contract in force (active or expiring). */
    hasContracts: z.boolean().nullable().default(null),
    /** Owes money on issued invoices in some currency, credit notes and unallocated credit in that currency counted. */
    balanceOwed: z.boolean().nullable().default(null),
    includeArchived: z.boolean().default(false),
  })
  .strict();

export type ClientListFilters = z.output<typeof listFilters>;

export const clientListCalls = {
  /** One page of clients with their miners and tasks bars. Null filters are "any". */
  'clients.list': call<ClientList>()(
    listFilters.extend({
      sort: z.enum(clientSortKeys).default('id'),
      dir: z.enum(['asc', 'desc']).default('asc'),
      ...pageSchema,
    }),
  ),
};
