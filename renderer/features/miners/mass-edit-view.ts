import type { MinerChanges } from '../../../electron/contract/miners.edit';
import type { MinerListView } from './miner-list-params';

const sameTag = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * True when a mass edit takes every miner it changed out of the view: the new value is one the view's
 * filters exclude (paid in an "unpaid" view, another client, site, rack or state, the only filtered tags
 * removed). A selection by id would then act on rows the user no longer sees, so the list drops it.
 * `clientId` is the client an e-mail stood for. Where some rows may stay (a search), it says false.
 */
export function editTakesRowsOutOfView(changes: MinerChanges, view: MinerListView, clientId?: number): boolean {
  const newClient = changes.clientEmail !== undefined ? clientId : changes.clientId;
  if (newClient !== undefined && view.clientIds.length > 0 && !view.clientIds.includes(newClient ?? 'unassigned')) return true;
  if (changes.paid !== undefined && view.paid !== null && changes.paid !== view.paid) return true;
  if (changes.state !== undefined && view.states.length > 0 && !view.states.includes(changes.state)) return true;
  if (changes.siteId !== undefined && view.siteIds.length > 0 && (changes.siteId === null || !view.siteIds.includes(changes.siteId))) return true;
  // Another site without a rack takes the miners out of their racks.
  const newRack = changes.rackId !== undefined ? changes.rackId : changes.siteId !== undefined ? null : undefined;
  if (newRack !== undefined && view.rackIds.length > 0 && (newRack === null || !view.rackIds.includes(newRack))) return true;
  const removed = changes.removeTags ?? [];
  if (removed.length > 0 && view.tags.length > 0 && view.tags.every((tag) => removed.some((gone) => sameTag(gone, tag)))) return true;
  return false;
}
