import { useQuery, useQueryClient } from '@tanstack/react-query';
import { maxScanAddresses, type MissingMiner, type ScanResultRow, type ScanSummary } from '../../../electron/contract/discovery';
import type { ApiCallError } from '../../api/client';
import { invokeOrThrow } from '../../api/client';
import { useQueryCall } from '../../api/useCall';
import { scanIsActive } from './discovery-format';

/** How often a running scan is asked for its progress and new findings. */
export const pollEveryMs = 500;
const pageSize = 2000;
/** One poll reads at most this many pages; the next poll goes on from there. */
const pagesPerPoll = 8;
/** Enough pages for the largest scan the contract accepts, so reading a review always ends. */
const maxReviewPages = Math.ceil(maxScanAddresses / pageSize) + 1;

const whileRunning = (scan: ScanSummary | null | undefined) => (scanIsActive(scan) ? pollEveryMs : false);

/** The scan's progress, asked again every half second while it runs. */
export function useScanStatus(scanId: number) {
  return useQueryCall('discovery.status', { scanId }, { refetchInterval: (query) => whileRunning(query.state.data) });
}

type Findings = { scan: ScanSummary; rows: ScanResultRow[]; afterId: number; drained: boolean };

/**
 * Findings as they come: each poll asks only for the rows after the last one held and appends them.
 * The poll stops once a reply says the scan ended; the scanner writes its last findings before that.
 */
export function useScanFindings(scanId: number) {
  const queryClient = useQueryClient();
  const queryKey = ['discovery.findings', scanId];
  return useQuery<Findings, ApiCallError>({
    queryKey,
    queryFn: async () => {
      const held = queryClient.getQueryData<Findings>(queryKey);
      const rows = held ? [...held.rows] : [];
      let afterId = held?.afterId ?? 0;
      for (let page = 1; ; page += 1) {
        const reply = await invokeOrThrow('discovery.results', { scanId, afterId, limit: pageSize });
        // A poll that overlapped another may bring rows already held: only ids past the last one count.
        const lastId = rows.at(-1)?.id ?? 0;
        rows.push(...reply.rows.filter((row) => row.id > lastId));
        afterId = Math.max(afterId, reply.nextAfterId);
        const drained = reply.rows.length < pageSize;
        if (drained || page === pagesPerPoll) return { scan: reply.scan, rows, afterId, drained };
      }
    },
    refetchInterval: (query) => (query.state.data && !query.state.data.drained ? pollEveryMs : whileRunning(query.state.data?.scan)),
    staleTime: Infinity,
  });
}

export type ScanReview = { scan: ScanSummary; rows: ScanResultRow[]; missing: MissingMiner[] };

/** Every finding of an ended scan with what commit would do to it, and the known miners that did not answer. */
export function useScanReview(scanId: number, enabled: boolean) {
  return useQuery<ScanReview, ApiCallError>({
    queryKey: ['discovery.review', scanId],
    enabled,
    queryFn: async () => {
      const rows: ScanResultRow[] = [];
      let afterId = 0;
      let first: { scan: ScanSummary; missing: MissingMiner[] } | null = null;
      for (let page = 0; page < maxReviewPages; page += 1) {
        const reply = await invokeOrThrow('discovery.results', { scanId, afterId, limit: pageSize, review: true });
        first ??= { scan: reply.scan, missing: reply.missing };
        rows.push(...reply.rows);
        afterId = reply.nextAfterId;
        if (reply.rows.length < pageSize) break;
      }
      return { scan: first!.scan, missing: first!.missing, rows };
    },
  });
}
