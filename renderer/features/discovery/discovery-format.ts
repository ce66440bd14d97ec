import type { MissingMiner, ScanCommitResult, ScanProposal, ScanResultRow, ScanSummary } from '../../../electron/contract/discovery';
import type { ScanResultState, ScanStatus } from '../../../electron/contract/discovery.vocab';
import { durationText, minersText } from '../miners/miner-format';

export const resultStateLabels: Record<ScanResultState, string> = {
  identified: 'Identified',
  unidentified: 'Open but unidentified',
  unreachable: 'Unreachable',
};
export const resultStateColors: Record<ScanResultState, string> = { identified: 'green', unidentified: 'yellow', unreachable: 'gray' };

export const scanStatusLabels: Record<ScanStatus, string> = { queued: 'Waiting', running: 'Running', done: 'Done', cancelled: 'Cancelled', failed: 'Failed' };
export const scanStatusColors: Record<ScanStatus, string> = { queued: 'yellow', running: 'blue', done: 'green', cancelled: 'gray', failed: 'red' };

/** Queued and running scans still change: their screens keep asking. */
export const scanIsActive = (scan: Pick<ScanSummary, 'status'> | null | undefined) => scan?.status === 'running' || scan?.status === 'queued';

/** Seconds the scan has run, or ran: to its end, or to `now` while it runs. */
export function scanElapsedText(scan: Pick<ScanSummary, 'startedAt' | 'finishedAt'>, now: number): string {
  const end = scan.finishedAt ? Date.parse(scan.finishedAt) : now;
  return durationText(Math.max(0, Math.round((end - Date.parse(scan.startedAt)) / 1000)));
}

const fieldLabels: Record<string, string> = { ip: 'IP', mac: 'MAC', hostname: 'Hostname', serial: 'Serial', firmware: 'Firmware' };

/** "IP 10.0.0.5 → 10.0.0.9; Firmware — → 2024.1" */
export function changesText(changes: { field: string; before: string | null; after: string | null }[]): string {
  return changes.map((c) => `${fieldLabels[c.field] ?? c.field} ${c.before ?? '—'} → ${c.after ?? '—'}`).join('; ');
}

export type ProposalView = { label: string; color: string; detail: string };

/** What committing one finding does, in words for the review table. */
export function proposalView(proposal: ScanProposal | undefined): ProposalView {
  switch (proposal?.action) {
    case 'new':
      return { label: 'New', color: 'green', detail: 'Added as a new miner' };
    case 'update':
      return { label: 'Update', color: 'blue', detail: `${proposal.assetId}: ${changesText(proposal.changes)}` };
    case 'unchanged':
      return { label: 'Unchanged', color: 'gray', detail: `${proposal.assetId} already has these details` };
    case 'review':
      return { label: 'Needs review', color: 'orange', detail: proposal.reason };
    case 'none':
      return { label: 'Not added', color: 'gray', detail: proposal.reason };
    default:
      return { label: '…', color: 'gray', detail: '' };
  }
}

/** Only identified machines can be committed; the rest are shown but not offered. */
export const isCommittable = (row: ScanResultRow) => row.state === 'identified';

export type CommitPlan = {
  created: number;
  updated: number;
  unchanged: number;
  sentToReview: number;
  markedOffline: number;
  /** Known miners that did not answer but are offline already: left as they are. */
  alreadyOffline: number;
};

/** What a commit of the chosen findings would do, counted from their proposals. */
export function planCommit(
  rows: readonly ScanResultRow[],
  chosen: ReadonlySet<number>,
  missing: readonly Pick<MissingMiner, 'liveStatus'>[],
  markMissingOffline: boolean,
): CommitPlan {
  // Miners already offline stay as they are; commit neither changes nor counts them.
  const alreadyOffline = missing.filter((miner) => miner.liveStatus === 'offline').length;
  const markedOffline = markMissingOffline ? missing.length - alreadyOffline : 0;
  const plan: CommitPlan = { created: 0, updated: 0, unchanged: 0, sentToReview: 0, markedOffline, alreadyOffline: markMissingOffline ? alreadyOffline : 0 };
  for (const row of rows) {
    if (!chosen.has(row.id) || !isCommittable(row)) continue;
    const action = row.proposal?.action;
    if (action === 'new') plan.created += 1;
    else if (action === 'update') plan.updated += 1;
    else if (action === 'review') plan.sentToReview += 1;
    else if (action === 'unchanged') plan.unchanged += 1;
  }
  return plan;
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * What updating the inventory does, in words: "Add 12 new miners, update 3, send 1 to the identity review
 * list and mark 10 known miners that did not answer as offline (1 more is offline already). 384 are already
 * up to date." Only the parts that are not zero.
 */
export function planSentence(plan: CommitPlan): string {
  const more =
    plan.alreadyOffline > 0 ? ` (${plan.alreadyOffline.toLocaleString('en-US')} more ${plan.alreadyOffline === 1 ? 'is' : 'are'} offline already)` : '';
  const parts = [
    plan.created > 0 && `add ${count(plan.created, 'new miner')}`,
    plan.updated > 0 && `update ${plan.updated.toLocaleString('en-US')} with what the scan found`,
    plan.sentToReview > 0 && `send ${plan.sentToReview.toLocaleString('en-US')} to the identity review list`,
    plan.markedOffline > 0 && `mark ${count(plan.markedOffline, 'known miner')} that did not answer as offline${more}`,
  ].filter((part): part is string => Boolean(part));
  const after = [
    plan.markedOffline === 0 && plan.alreadyOffline > 0 && `The known miners that did not answer are offline already.`,
    plan.unchanged > 0 && `${plan.unchanged.toLocaleString('en-US')} ${plan.unchanged === 1 ? 'is' : 'are'} already up to date.`,
  ].filter((part): part is string => Boolean(part));
  if (!parts.length) return ['Nothing would change in the inventory.', ...after].join(' ');
  const text = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0];
  return [`${text.charAt(0).toUpperCase()}${text.slice(1)}.`, ...after].join(' ');
}

/** "pool.example:3333 · acme.worker1": the pool a miner reported it mines on (without the stratum scheme), and its worker. */
export const findingPoolText = (row: Pick<ScanResultRow, 'poolUrl' | 'poolUser'>): string | null =>
  [row.poolUrl?.replace(/^[a-z0-9+]+:\/\//i, ''), row.poolUser].filter(Boolean).join(' · ') || null;

/** The sentence shown once the inventory was updated. */
export function commitResultSentence(result: ScanCommitResult): string {
  const parts = [
    `${minersText(result.created)} added`,
    `${result.updated} updated`,
    result.sentToReview > 0 && `${result.sentToReview} sent to review`,
    result.markedOffline > 0 && `${result.markedOffline} marked offline`,
    result.unchanged > 0 && `${result.unchanged} unchanged`,
  ].filter(Boolean);
  return `${parts.join(', ')}.`;
}
