import { z } from 'zod';
import type { ClientDocument } from './clients.records';
import type { Ref } from './clients';
import {
  billingMethods,
  contractSortKeys,
  contractStatuses,
  contractTerms,
  contractTypes,
  type BillingMethod,
  type ContractEventKind,
  type ContractStatus,
  type ContractTerm,
  type ContractType,
} from './contracts.vocab';
import { call, type ListPage } from './define';
import { idSchema } from './fields';
import { minerFiltersSchema, minerSortKeys, type MinerList } from './miners.list';
import { parseDecimal } from './money';
import type { PowerDeviceKind } from './power.vocab';

/** A contract named in a list or a message: its number once active, else its draft reference. */
export type ContractRef = { id: number; reference: string; type: ContractType; status: ContractStatus };

/** Where the rate per kWh came from when the contract was created: typed on it, the client's pricing, or the organisation's. */
export type EnergyRateSource = 'contract' | 'client' | 'organisation';

/** One row of the Contracts list. Instants are ISO 8601 UTC; show them in `timeZone` (the site's). */
export type ContractListRow = {
  id: number;
  /** The permanent number once active (HD-2026-0042), else the draft reference (DRAFT-7f3a). */
  reference: string;
  /** Null while a draft. */
  number: string | null;
  type: ContractType;
  status: ContractStatus;
  client: Ref;
  site: Ref;
  /** The site's IANA zone (else the organisation's): the calendar the dates are read and shown in. */
  timeZone: string;
  term: ContractTerm;
  startsAt: string;
  endsAt: string;
  autoRenew: boolean;
  noticeDays: number;
  /** The last instant the customer may give notice: the end less the notice days, in the site's calendar. */
  noticeBy: string;
  billingMethod: BillingMethod | null;
  /** ISO 4217: the client's. */
  currency: string;
  /** Decimal text in kW, e.g. "250" or "12.5"; null = no cap. */
  powerCapKw: string | null;
  /** Miners under the contract now (for O&M: miners on its sites now). */
  minerCount: number;
  siteCount: number;
  /** Sum of the nominal figures of the miners under it now: decimal text (TH/s, kW). */
  nominalThs: string;
  nominalKw: string;
  extensionCount: number;
  /** When it ends early (past or scheduled); null unless terminated or a termination is scheduled. */
  terminatedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type ContractList = ListPage<ContractListRow, ContractStatus>;

/** One period a miner or a site was (or is) under the contract: half-open [fromAt, toAt); toAt null = still under it. */
export type ContractEquipment = {
  id: number;
  kind: 'miner' | 'site';
  miner: {
    id: number;
    assetId: string;
    make: string;
    model: string;
    nominalHashrateThs: string | null;
    nominalPowerW: number | null;
    siteName: string | null;
    state: string;
  } | null;
  site: Ref | null;
  fromAt: string;
  toAt: string | null;
};

export type ContractMeteringDevice = { id: number; name: string; kind: PowerDeviceKind; siteId: number };

/** Everything the contract page shows. Money is decimal text in `currency` ("100.00"); rates keep their decimals ("0.0685"). */
export type ContractDetail = ContractListRow & {
  draftReference: string;
  /** Per kWh, for the energy billing methods; null when the contract bills no energy. */
  energyRatePerKwh: string | null;
  energyRateSource: EnergyRateSource | null;
  fixedMonthlyFee: string | null;
  hostingFeePerMinerMonth: string | null;
  /** Infinity: price per TH/s per day and the TH/s bought. */
  pricePerThsDay: string | null;
  contractedThs: string | null;
  depositAmount: string | null;
  netDays: number;
  notes: string;
  meteringDevices: ContractMeteringDevice[];
  /** Current first, then past periods, newest first. */
  equipment: ContractEquipment[];
  /** The signed PDF, kept in the client's documents (Legal tab). */
  signedDocument: Pick<ClientDocument, 'id' | 'fileName' | 'sizeBytes' | 'uploadedAt'> | null;
  activatedAt: string | null;
  terminationReason: string | null;
  /** The contract this one renewed, and the one that renewed it. */
  renewedFrom: ContractRef | null;
  renewedTo: ContractRef | null;
  /** What may be done now, for the page's buttons; each refusal still comes with its sentence from the call. */
  can: { edit: boolean; assign: boolean; activate: boolean; extend: boolean; renew: boolean; terminate: boolean; deleteDraft: boolean };
};

export type ContractEvent = {
  id: number;
  kind: ContractEventKind;
  /** The instant the event took effect (a back-dated assignment keeps its true date). */
  at: string;
  /** When it was recorded. */
  recordedAt: string;
  actor: string;
  /** One plain sentence, e.g. "Extended to 2026-09-30 (extension 2 of 3)". */
  message: string;
  details: Record<string, unknown>;
};

/** The figures the wizard fills in before the first save. */
export type ContractDefaults = {
  currency: string;
  timeZone: string;
  /** Today 00:00 in the site's zone (or the given start), as an instant. */
  startsAt: string;
  /** The end of each fixed term from that start; null for custom. */
  endsByTerm: Record<ContractTerm, string | null>;
  /** The rate in force on the start date: the client's pricing, else the organisation's. */
  energyRatePerKwh: string;
  energyRateSource: 'client' | 'organisation';
  /** The client's hosting fee per miner per month in force on the start date, if any. */
  hostingFeePerMinerMonth: string | null;
  noticeDays: number;
  netDays: number;
  autoRenew: boolean;
};

export type EquipmentTotals = { count: number; nominalThs: string; nominalKw: string };

/** The wizard's step 2: a page of the Miners table scoped to what the contract may take, with running totals. */
export type EquipmentCandidates = MinerList & {
  /** Page rows that cannot go under this contract, with the sentence why (another contract, retired, another client…). */
  blocked: Record<number, string>;
  /** Page rows already under this contract. */
  onThisContract: number[];
  /** Every miner the filters match (all pages). */
  matching: EquipmentTotals;
  /** What the contract holds now, against its cap. */
  contract: EquipmentTotals & { powerCapKw: string | null };
};

/** The sites an O&M contract may take, with what is on them. */
export type SiteCandidate = Ref & { minerCount: number; nominalThs: string; nominalKw: string; onContract: ContractRef | null };

const instantPattern = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A moment typed by a person: a local date (2026-03-17, its 00:00), a local date-time without offset
 * (2026-06-10T12:00), both read in the site's zone, or an ISO instant with offset (2026-06-10T10:00:00Z).
 */
export const contractInstantSchema = z
  .string({ error: 'must be a date like 2026-03-17, a local time like 2026-06-10T12:00, or an instant with offset' })
  .trim()
  .regex(instantPattern, 'must be a date like 2026-03-17, a local time like 2026-06-10T12:00, or an instant with offset like 2026-06-10T10:00Z');

const decimalAbove = (scale: number, what: string) =>
  z
    .string({ error: `must be ${what} written as text, like "100.00"` })
    .trim()
    .refine((text) => {
      const value = parseDecimal(text, scale);
      return value !== null && value > 0;
    }, `must be more than 0 with at most ${scale} decimals`);

/** Money typed by a person: more than 0, up to six decimals here; the service holds it to the currency's own decimals. */
const moneySchema = decimalAbove(6, 'an amount');
/** Per kWh or per TH/s-day: more than 0, at most six decimals. */
const rateSchema = decimalAbove(6, 'a rate');

const oneOf = (values: readonly string[]) => ({
  error: (issue: { input: unknown }) => (issue.input === undefined || issue.input === null ? 'is required' : `must be one of ${values.join(', ')}`),
});

/** One value or a list of them; always a list once parsed (empty = any). */
const oneOrMany = <T extends z.ZodTypeAny>(item: T) =>
  z
    .union([item, z.array(item).max(500)])
    .optional()
    .transform((value): z.output<T>[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

const nullable = <T extends z.ZodTypeAny>(schema: T) => schema.nullable().optional();

/** The fields of step 1; omitted ones take the defaults (see ContractDefaults), or stay as they were on update. */
const contractFields = {
  type: z.enum(contractTypes, oneOf(contractTypes)),
  clientId: idSchema,
  siteId: idSchema,
  term: z.enum(contractTerms, oneOf(contractTerms)),
  startsAt: contractInstantSchema.optional(),
  /** Required for a custom term; for the others, when given it must be the term's own end. */
  endsAt: contractInstantSchema.optional(),
  billingMethod: nullable(z.enum(billingMethods, oneOf(billingMethods))),
  energyRatePerKwh: nullable(rateSchema),
  fixedMonthlyFee: nullable(moneySchema),
  hostingFeePerMinerMonth: nullable(moneySchema),
  pricePerThsDay: nullable(rateSchema),
  contractedThs: nullable(decimalAbove(3, 'TH/s')),
  powerCapKw: nullable(decimalAbove(3, 'kW')),
  /** PDUs or meters that measure this contract's equipment as a whole (e.g. a client's container). */
  meteringDeviceIds: z.array(idSchema).max(50, 'must be at most 50 devices').optional(),
  autoRenew: z.boolean({ error: 'must be on or off' }).optional(),
  noticeDays: z
    .number({ error: 'must be a number of days' })
    .int('must be a whole number of days')
    .min(0, 'must be 0 or more')
    .max(730, 'must be at most 730 days')
    .optional(),
  depositAmount: nullable(moneySchema),
  netDays: z
    .number({ error: 'must be a number of days' })
    .int('must be a whole number of days')
    .min(0, 'must be 0 or more')
    .max(365, 'must be at most 365 days')
    .optional(),
  notes: z.string().trim().max(5000, 'must be at most 5000 characters').optional(),
  /** A PDF among the client's documents (upload it with clients.documents.upload first); null detaches it. */
  signedDocumentId: nullable(idSchema),
};

const byId = z.object({ id: idSchema }).strict();
const equipmentIds = {
  minerIds: z.array(idSchema).max(20_000, 'must be at most 20,000 miners at once').optional(),
  siteIds: z.array(idSchema).max(200, 'must be at most 200 sites').optional(),
};

export const contractCalls = {
  /** What the wizard pre-fills for a client and site: currency, start, each term's end, the rate in force on the start date. */
  'contracts.defaults': call<ContractDefaults>()(z.object({ clientId: idSchema, siteId: idSchema, startsAt: contractInstantSchema.optional() }).strict()),
  /** Saves a draft (temporary reference like DRAFT-7f3a). Money and rates are decimal text. */
  'contracts.create': call<ContractDetail>()(z.object(contractFields).strict()),
  /**
   * Changes the given fields; omitted ones stay. A draft may change anything; an active contract only its
   * auto-renewal, notice, cap, metering devices, deposit, net days, notes and signed document.
   */
  'contracts.update': call<ContractDetail>()(z.object(contractFields).partial().extend({ id: idSchema }).strict()),
  'contracts.get': call<ContractDetail>()(byId),
  /** One page with counts per status (ignoring the status filter). Each filter takes one value or a list. */
  'contracts.list': call<ContractList>()(
    z
      .object({
        /** Number, draft reference, client or site name; any case. */
        search: z.string().trim().max(200).default(''),
        type: oneOrMany(z.enum(contractTypes, oneOf(contractTypes))),
        status: oneOrMany(z.enum(contractStatuses, oneOf(contractStatuses))),
        clientId: oneOrMany(idSchema),
        siteId: oneOrMany(idSchema),
        /** In force and ending within this many days from now. */
        expiringWithinDays: z.number().int().min(0).max(3650).nullable().default(null),
        /** In force, and the last day to give notice falls within this many days from now (the renewal queue). */
        noticeDueWithinDays: z.number().int().min(0).max(3650).nullable().default(null),
        sort: z.enum(contractSortKeys, oneOf(contractSortKeys)).default('id'),
        dir: z.enum(['asc', 'desc']).default('desc'),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500, 'must be at most 500').default(50),
      })
      .strict(),
  ),
  /**
   * Puts miners (Hosted, Lease) or sites (O&M) under the contract: on a draft from the contract's start, on
   * an active one from `from` (default now). A Hosted or Lease miner is assigned to the client from the same
   * instant in the assignment history (back-dating allowed). Overlap with another contract is refused.
   */
  'contracts.assignEquipment': call<ContractDetail>()(z.object({ contractId: idSchema, ...equipmentIds, from: contractInstantSchema.optional() }).strict()),
  /** Takes equipment off the contract at `at` (default now; on a draft it is simply removed). Lease miners go back to stock. */
  'contracts.releaseEquipment': call<ContractDetail>()(z.object({ contractId: idSchema, ...equipmentIds, at: contractInstantSchema.optional() }).strict()),
  /** Gives the draft its permanent gapless number and puts it in force, in one transaction. */
  'contracts.activate': call<ContractDetail>()(byId),
  /** Moves the end later (a Lease at most three times), recorded with its new end. */
  'contracts.extend': call<ContractDetail>()(z.object({ id: idSchema, endsAt: contractInstantSchema, note: z.string().trim().max(500).optional() }).strict()),
  /** Renews now: this contract becomes Renewed and a successor with the same terms and equipment starts at its end. Returns the successor. */
  'contracts.renew': call<ContractDetail>()(byId),
  /** Ends the contract early at `endsAt` (past or future) for the reason given; its equipment is released at that instant. */
  'contracts.terminate': call<ContractDetail>()(
    z
      .object({
        id: idSchema,
        endsAt: contractInstantSchema,
        reason: z.string({ error: 'is required' }).trim().min(1, 'is required: say why the contract ends early').max(1000, 'must be at most 1000 characters'),
      })
      .strict(),
  ),
  /** A draft that was never activated is removed with its equipment list (it never had a number). */
  'contracts.deleteDraft': call<{ id: number }>()(byId),
  /** Every event of the contract, newest first. */
  'contracts.timeline': call<ContractEvent[]>()(byId),
  /**
   * The wizard's miner step: the Miners table's filters and sort, scoped by default to what the contract may
   * take (Hosted: the client's own miners; Lease: unassigned or staged stock), with blocked rows explained and
   * running totals of nominal TH/s and kW.
   */
  'contracts.equipmentCandidates': call<EquipmentCandidates>()(
    minerFiltersSchema.extend({
      contractId: idSchema,
      sort: z.enum(minerSortKeys).default('id'),
      dir: z.enum(['asc', 'desc']).default('asc'),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000, 'must be at most 1000').default(100),
    }),
  ),
  /** The O&M step: every site with what is on it and which contract holds it now, if any. */
  'contracts.siteCandidates': call<SiteCandidate[]>()(z.object({ contractId: idSchema }).strict()),
};
