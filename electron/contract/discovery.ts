import { z } from 'zod';
import { call } from './define';
import { type ScanResultState, type ScanStatus } from './discovery.vocab';
import { idSchema } from './fields';
import { exampleAddresses, mergeRanges, parseIpRange, rangeSize, unscannableRangeProblem, type IpRange } from './ip-ranges';

/** The most ranges one scan takes, and the most addresses in all: sixteen /16 blocks. */
export const maxScanRanges = 64;
export const maxScanAddresses = 16 * 65_536;

/** One range as typed: the range, or the plain-words reason it is malformed or never scannable (multicast, broadcast, 0.0.0.0/8). */
function readScanRange(text: string): { ok: true; range: IpRange } | { ok: false; error: string } {
  const parsed = parseIpRange(text);
  if (!parsed.ok) return parsed;
  const problem = unscannableRangeProblem(parsed.range);
  return problem ? { ok: false, error: problem } : parsed;
}

const rangeTextsSchema = z.array(z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters'));

/**
 * Ranges as typed: each read by readScanRange, with its own plain-words error; merged so no address is probed
 * twice. Public space is refused by the service unless Settings allow it (the contract cannot read settings).
 */
export const scanRangesSchema = rangeTextsSchema
  .min(1, `add at least one range, like ${exampleAddresses.cidr}`)
  .max(maxScanRanges, `must be at most ${maxScanRanges} ranges`)
  .transform((texts, ctx): IpRange[] => {
    const ranges: IpRange[] = [];
    texts.forEach((text, i) => {
      const parsed = readScanRange(text);
      if (parsed.ok) ranges.push(parsed.range);
      else ctx.addIssue({ code: 'custom', message: parsed.error, path: [i] });
    });
    const merged = mergeRanges(ranges);
    if (rangeSize(merged) > maxScanAddresses)
      ctx.addIssue({ code: 'custom', message: `cover more than ${maxScanAddresses.toLocaleString('en-US')} addresses in all; scan fewer ranges at once` });
    return merged;
  });

/** The rate cap's bounds, in addresses a second. */
export const minScanRate = 10;
export const maxScanRate = 100_000;

const portSchema = z.number({ error: 'must be a port number' }).int('must be a whole number').min(1, 'must be at least 1').max(65_535, 'must be at most 65535');

export type ScanSummary = {
  id: number;
  siteId: number | null;
  siteName: string | null;
  ranges: string[];
  ports: number[];
  status: ScanStatus;
  totalHosts: number;
  probedHosts: number;
  openHosts: number;
  identifiedHosts: number;
  /** Addresses probed per second so far. */
  rate: number;
  /** The cap asked for, in addresses a second; null: as fast as the network answers. */
  maxRate: number | null;
  message: string | null;
  startedAt: string;
  finishedAt: string | null;
  committedAt: string | null;
};

/** What committing a result would do to the inventory. */
export type ScanProposal =
  | { action: 'new' }
  | { action: 'update'; minerId: number; assetId: string; by: string; changes: { field: string; before: string | null; after: string | null }[] }
  | { action: 'unchanged'; minerId: number; assetId: string }
  | { action: 'review'; candidateIds: number[]; reason: string }
  | { action: 'none'; reason: string };

/** Who a host said it is; null for whatever it did not report. */
export type FoundIdentity = {
  family: string | null;
  make: string | null;
  model: string | null;
  firmware: string | null;
  serial: string | null;
  mac: string | null;
  hostname: string | null;
};

export type ScanResultRow = FoundIdentity & {
  id: number;
  ip: string;
  openPorts: number[];
  state: ScanResultState;
  /** What the device reported when identified: hashrate (exact decimal text in TH/s), input power, hottest temperature, and the pool it mines on. */
  hashrateThs: string | null;
  powerW: number | null;
  tempMaxC: number | null;
  poolUrl: string | null;
  poolUser: string | null;
  message: string | null;
  minerId: number | null;
  foundAt: string;
  /** Only when asked for (the review step): what commit would do. */
  proposal?: ScanProposal;
};

/** A known miner inside the scanned ranges that did not answer. */
export type MissingMiner = { id: number; assetId: string; ip: string; liveStatus: string; clientName: string | null };

/** `missing` covers the whole scan and comes with the first page of a review (afterId 0); later pages leave it empty. */
export type ScanResults = { scan: ScanSummary; rows: ScanResultRow[]; nextAfterId: number; missing: MissingMiner[] };

export type ScanCommitResult = { created: number; updated: number; unchanged: number; sentToReview: number; markedOffline: number };

const byScan = z.object({ scanId: idSchema }).strict();

export const discoveryCalls = {
  /** Starts a scan in the background, or queues it while another runs (one at a time); progress through discovery.status, findings through discovery.results. */
  'discovery.scan': call<ScanSummary>()(
    z
      .object({
        ranges: scanRangesSchema,
        /** Found miners join this site on commit; IP matching looks within it. */
        siteId: idSchema.nullable().default(null),
        /** Ports to probe instead of 80, 4028, 4433 and 8080. */
        ports: z.array(portSchema).min(1, 'choose at least one port').max(16, 'must be at most 16 ports').optional(),
        /** Remember these ranges as the site's. */
        saveRanges: z.boolean().default(false),
        /** At most this many addresses a second, to stay gentle on a busy network; null: as fast as it answers. */
        maxRate: z
          .number({ error: 'must be a number of addresses a second' })
          .int('must be a whole number')
          .min(minScanRate, `must be at least ${minScanRate} addresses a second`)
          .max(maxScanRate, `must be at most ${maxScanRate.toLocaleString('en-US')} addresses a second; leave it empty for no cap`)
          .nullable()
          .default(null),
      })
      .strict(),
  ),
  /** The scan's progress; the newest scan when no id is given (null when there was none). */
  'discovery.status': call<ScanSummary | null>()(z.object({ scanId: idSchema.optional() }).strict()),
  'discovery.cancel': call<ScanSummary>()(byScan),
  /** Recent scans, newest first. */
  'discovery.scans': call<ScanSummary[]>()(z.object({ limit: z.number().int().min(1).max(100).default(20) }).strict()),
  /** Findings after `afterId` (stream them by passing back nextAfterId); `review` adds what commit would do, and the known miners that did not answer. */
  'discovery.results': call<ScanResults>()(
    z
      .object({
        scanId: idSchema,
        afterId: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(2000).default(500),
        review: z.boolean().default(false),
      })
      .strict(),
  ),
  /** Adds new miners, updates moved ones, sends ambiguous ones to the identity review list, and marks known miners that did not answer offline. */
  'discovery.commit': call<ScanCommitResult>()(
    z
      .object({
        scanId: idSchema,
        /** Only these findings; all identified ones when left out. */
        resultIds: z.array(idSchema).max(70_000).optional(),
        markMissingOffline: z.boolean().default(true),
      })
      .strict(),
  ),
  /** The ranges saved for a site. */
  'discovery.ranges.get': call<{ siteId: number; ranges: string[] }>()(z.object({ siteId: idSchema }).strict()),
  'discovery.ranges.save': call<{ siteId: number; ranges: string[] }>()(
    z
      .object({
        siteId: idSchema,
        ranges: rangeTextsSchema.max(maxScanRanges, `must be at most ${maxScanRanges} ranges`),
      })
      .strict()
      .superRefine((input, ctx) => {
        input.ranges.forEach((text, i) => {
          const parsed = readScanRange(text);
          if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error, path: ['ranges', i] });
        });
      }),
  ),
};
