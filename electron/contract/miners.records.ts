import { z } from 'zod';
import type { Page } from './audit';
import { call } from './define';
import { idSchema, obeying } from './fields';
import { identityReviewStatuses, identitySources, minerStates, type IdentityKind, type IdentityReviewStatus, type IdentitySource } from './miners';
import { tagSchema } from './miners.edit';
import type { MinerAssignment, MinerDetail, MinerListRow } from './miners.list';
import { deviceAddressProblem, exampleAddresses } from './ip-ranges';
import { lineTextProblem, multilineTextProblem } from './text-rules';
import { maxRackPositions } from './sites';

const hex2 = '[0-9a-f]{2}';
const macForms = [
  new RegExp(`^${hex2}([:-])${hex2}(\\1${hex2}){4}$`, 'i'), // AA:BB:CC:DD:EE:FF, aa-bb-cc-dd-ee-ff
  /^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/i, // aabb.ccdd.eeff (switch notation)
  /^[0-9a-f]{12}$/i, // AABBCCDDEEFF
];

/** A MAC address in upper-case colon form, `AA:BB:CC:DD:EE:FF`; null when the text is blank or not a MAC address. */
export function normaliseMac(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  if (!macForms.some((form) => form.test(trimmed))) return null;
  const digits = trimmed.replace(/[:.-]/g, '').toUpperCase();
  return digits.match(/../g)?.join(':') ?? null;
}

/** A dotted IPv4 address without leading zeros (`10.0.7.21`, spreadsheets write 010.000.007.021); null when blank or not one. */
export function normaliseIp(text: string | null | undefined): string | null {
  const parts = (text ?? '').trim().split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)) return null;
  return parts.map(Number).join('.');
}

/** A serial number as stored: trimmed; null when blank. Serials are compared without regard to case. */
export const normaliseSerial = (text: string | null | undefined): string | null => text?.trim() || null;

/** A hostname as stored: trimmed; null when blank. Hostnames are compared in lower case. */
export const normaliseHostname = (text: string | null | undefined): string | null => text?.trim() || null;

/** The app's own asset ID series, M-000001, M-000002, …, for an inventory that has none of its own yet; otherwise new miners continue the facility's series (NW-00043 after NW-00042). */
export const defaultAssetSeries = { prefix: 'M-', digits: 6 } as const;

/** Text that may be left blank ("", null): stored as null; `normalise` turns valid text into its stored form. */
const nullableText = (max: number, normalise: (text: string) => string | null = (text) => text, invalid = '') =>
  z
    .string({ error: 'must be text' })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .superRefine(obeying(lineTextProblem))
    .refine((text) => text === '' || normalise(text) !== null, invalid)
    .transform((text) => (text === '' ? null : normalise(text)))
    .nullable();

/** The miner fields a person edits; each outputs null for "none". */
const fieldSchemas = {
  serial: nullableText(80),
  mac: nullableText(20, normaliseMac, 'must be a MAC address like AA:BB:CC:DD:EE:FF'),
  ip: nullableText(15, normaliseIp, `must be an IPv4 address like ${exampleAddresses.address}`).superRefine((ip, ctx) => {
    const problem = ip === null ? null : deviceAddressProblem(ip);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  hostname: nullableText(253),
  /** Taken from the catalogue model when left out and a model is chosen. */
  make: nullableText(60),
  model: nullableText(80),
  modelId: idSchema.nullable(),
  firmware: nullableText(120),
  workerName: nullableText(120),
  // No default: an update that leaves notes out must keep them.
  notes: z.string({ error: 'must be text' }).trim().max(2000, 'must be at most 2000 characters').superRefine(obeying(multilineTextProblem)),
  tags: z.array(tagSchema).max(20, 'must be at most 20 tags'),
  siteId: idSchema.nullable(),
  /** Must be a rack of the site; the site follows from the rack when none is given. */
  rackId: idSchema.nullable(),
  rackPosition: z
    .number({ error: 'must be a position number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(maxRackPositions, `must be at most ${maxRackPositions}`)
    .nullable(),
  clientId: idSchema.nullable(),
  paid: z.boolean({ error: 'must be yes or no' }),
  state: z.enum(minerStates, { error: 'must be one of staged, unassigned, assigned, rma, retired' }),
};

export type MinerFieldValues = { [K in keyof typeof fieldSchemas]: z.output<(typeof fieldSchemas)[K]> };

const assetIdSchema = z
  .string({ error: 'must be text' })
  .trim()
  .max(40, 'must be at most 40 characters')
  .refine((text) => text === '' || /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(text), 'may use only letters, digits and - _ . / (starting with a letter or digit)')
  .transform((text) => text || null)
  .nullable()
  .optional();

/** One value a miner was known by, and when; `toAt` null = current. */
export type MinerIdentityEntry = { kind: IdentityKind; value: string; fromAt: string; toAt: string | null; source: IdentitySource };

/** Identity history and client assignments, newest first. Tasks: `tasks.list({ minerId })`; audit: `audit.list({ entity: 'miner', entityId })`. */
export type MinerHistory = { identity: MinerIdentityEntry[]; assignments: MinerAssignment[] };

/** What a scan or file said about a machine nobody could match automatically. */
export type ReviewObserved = {
  serial: string | null;
  mac: string | null;
  ip: string | null;
  hostname: string | null;
  siteId: number | null;
  siteName: string | null;
  make: string | null;
  model: string | null;
  firmware: string | null;
};

/** A miner the observation might be. */
export type ReviewCandidate = Pick<MinerListRow, 'id' | 'assetId' | 'serial' | 'mac' | 'ip' | 'hostname' | 'siteName'> & { clientName: string | null };

export type IdentityReview = {
  id: number;
  createdAt: string;
  source: IdentitySource;
  observed: ReviewObserved;
  /** Candidates removed since the review opened are left out. */
  candidates: ReviewCandidate[];
  reason: string;
  status: IdentityReviewStatus;
  resolvedMiner: { id: number; assetId: string } | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
};

const create = Object.fromEntries(Object.entries(fieldSchemas).map(([key, schema]) => [key, schema.optional()])) as {
  [K in keyof typeof fieldSchemas]: z.ZodOptional<(typeof fieldSchemas)[K]>;
};

export const minerRecordCalls = {
  /** Adds one miner; without an asset ID it gets the next free M-000001 style one. Serial and MAC must be unused. */
  'miners.create': call<MinerDetail>()(z.object({ assetId: assetIdSchema, ...create }).strict()),
  /** Changes the given fields only; the asset ID never changes. */
  'miners.update': call<MinerDetail>()(
    z
      .object({
        id: idSchema,
        assetId: z.never({ error: 'cannot be changed: a miner keeps its asset ID for life' }).optional(),
        ...create,
      })
      .strict(),
  ),
  'miners.history': call<MinerHistory>()(z.object({ id: idSchema }).strict()),
  /** Newest first; all statuses when none is given. */
  'miners.identity.reviews.list': call<Page<IdentityReview>>()(
    z
      .object({
        status: z.enum(identityReviewStatuses, { error: 'must be one of open, resolved, dismissed' }).optional(),
        source: z.enum(identitySources, { error: 'must be one of manual, import, discovery' }).optional(),
        limit: z.number().int().min(1).max(500, 'must be at most 500').default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
  ),
  /** Applies the observation to the chosen miner, creates a new miner from it, or dismisses it. */
  'miners.identity.reviews.resolve': call<IdentityReview>()(
    z
      .object({
        id: idSchema,
        minerId: idSchema.optional(),
        createNew: z.literal(true, { error: 'must be true when given' }).optional(),
        dismiss: z.literal(true, { error: 'must be true when given' }).optional(),
      })
      .strict()
      .refine((input) => [input.minerId, input.createNew, input.dismiss].filter((value) => value !== undefined).length === 1, {
        message: 'choose one: the miner this machine is, create a new miner, or dismiss',
        path: ['minerId'],
      }),
  ),
};
