import type { MinerChanges } from '../../../electron/contract/miners.edit';
import { minerStateLabels, minersText } from './miner-format';

/** Display names for the ids a change carries; the dialog knows them from its pickers (and the client an e-mail stands for). */
export type ChangeLabels = { client?: string; clientId?: number; site?: string; rack?: string };

const quoted = (text: string) => `"${text.length > 40 ? `${text.slice(0, 39)}…` : text}"`;

/** Each change in words, e.g. ["client → Acme Mining", "paid → unpaid"]. */
export function describeMinerChanges(changes: MinerChanges, labels: ChangeLabels = {}): string[] {
  const parts: string[] = [];
  if (changes.clientEmail !== undefined) parts.push(`client → ${labels.client ?? `the client with e-mail ${changes.clientEmail}`}`);
  if (changes.clientId !== undefined) parts.push(`client → ${changes.clientId === null ? 'no client' : (labels.client ?? `client #${changes.clientId}`)}`);
  if (changes.paid !== undefined) parts.push(`paid → ${changes.paid ? 'paid' : 'unpaid'}`);
  if (changes.siteId !== undefined) parts.push(`site → ${changes.siteId === null ? 'no site' : (labels.site ?? `site #${changes.siteId}`)}`);
  if (changes.rackId !== undefined) parts.push(`rack → ${changes.rackId === null ? 'no rack' : (labels.rack ?? `rack #${changes.rackId}`)}`);
  if (changes.state !== undefined) parts.push(`state → ${minerStateLabels[changes.state]}`);
  if (changes.addTags?.length) parts.push(`add tags ${changes.addTags.join(', ')}`);
  if (changes.removeTags?.length) parts.push(`remove tags ${changes.removeTags.join(', ')}`);
  if (changes.notes !== undefined) parts.push(changes.notes.trim() === '' ? 'notes → cleared' : `notes → ${quoted(changes.notes.trim())}`);
  return parts;
}

/** The confirmation sentence: "Change 240 miners: client → Acme Mining; paid → unpaid". */
export function massEditSentence(count: number, changes: MinerChanges, labels: ChangeLabels = {}): string {
  return `Change ${minersText(count)}: ${describeMinerChanges(changes, labels).join('; ')}`;
}
