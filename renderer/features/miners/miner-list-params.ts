import type { Input } from '../../../electron/contract';
import { minerLiveStatuses, minerStates, type MinerLiveStatus, type MinerState } from '../../../electron/contract/miners';
import { minerSortKeys, type MinerFilters, type MinerSortKey } from '../../../electron/contract/miners.list';
import { hashrateThsSchema } from '../../../electron/contract/models';

/** A client filter value: a client id, or miners of no client. */
export type ClientFilterId = number | 'unassigned';

/** The Miners page's view as it lives in the URL, so a filtered list can be bookmarked or linked (the clients' miners bar does). */
export type MinerListView = {
  search: string;
  statuses: MinerLiveStatus[];
  clientIds: ClientFilterId[];
  siteIds: number[];
  rackIds: number[];
  modelIds: number[];
  states: MinerState[];
  paid: boolean | null;
  tags: string[];
  hashrateBelowThs: string | null;
  sort: MinerSortKey;
  dir: 'asc' | 'desc';
  /** The miner whose detail drawer is open. */
  minerId: number | null;
};

const isId = (n: number) => Number.isInteger(n) && n > 0;
const ids = (text: string | null) => (text ?? '').split(',').map(Number).filter(isId);
const list = (text: string | null) =>
  (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const oneOf = <T extends string>(allowed: readonly T[], text: string | null) => list(text).filter((s): s is T => (allowed as readonly string[]).includes(s));

export function readMinerListView(params: URLSearchParams): MinerListView {
  const sort = params.get('sort') as MinerSortKey | null;
  const below = params.get('below');
  const paid = params.get('paid');
  const minerId = Number(params.get('miner'));
  return {
    search: params.get('q') ?? '',
    statuses: oneOf(minerLiveStatuses, params.get('status')),
    clientIds: list(params.get('client')).flatMap((s): ClientFilterId[] => (s === 'none' ? ['unassigned'] : isId(Number(s)) ? [Number(s)] : [])),
    siteIds: ids(params.get('site')),
    rackIds: ids(params.get('rack')),
    modelIds: ids(params.get('model')),
    states: oneOf(minerStates, params.get('state')),
    paid: paid === 'paid' ? true : paid === 'unpaid' ? false : null,
    tags: list(params.get('tag')),
    hashrateBelowThs: below && hashrateThsSchema.safeParse(below).success ? below.trim() : null,
    sort: sort && minerSortKeys.includes(sort) ? sort : 'id',
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
    minerId: isId(minerId) ? minerId : null,
  };
}

/** Writes only what differs from the default view, so plain /miners stays plain. */
export function writeMinerListView(view: MinerListView): URLSearchParams {
  const params = new URLSearchParams();
  const put = (key: string, value: string | null | undefined) => value && params.set(key, value);
  put('q', view.search.trim());
  put('status', view.statuses.join(','));
  put('client', view.clientIds.map((id) => (id === 'unassigned' ? 'none' : String(id))).join(','));
  put('site', view.siteIds.join(','));
  put('rack', view.rackIds.join(','));
  put('model', view.modelIds.join(','));
  put('state', view.states.join(','));
  put('paid', view.paid === null ? null : view.paid ? 'paid' : 'unpaid');
  put('tag', view.tags.join(','));
  put('below', view.hashrateBelowThs);
  put('sort', view.sort === 'id' ? null : view.sort);
  put('dir', view.dir === 'asc' ? null : view.dir);
  put('miner', view.minerId === null ? null : String(view.minerId));
  return params;
}

/** The filters of a view: what `miners.list` filters by, and what "select all N matching" edits. */
export function minerFilters(view: MinerListView): MinerFilters {
  return {
    search: view.search.trim(),
    statuses: view.statuses,
    clientIds: view.clientIds,
    siteIds: view.siteIds,
    rackIds: view.rackIds,
    modelIds: view.modelIds,
    states: view.states,
    paid: view.paid,
    tags: view.tags,
    hashrateBelowThs: view.hashrateBelowThs,
  };
}

/** Rows per `miners.list` call while scrolling. */
export const minerPageSize = 500;

/** The `miners.list` input for one page of a view. */
export function minerPageInput(view: MinerListView, pageIndex: number): Input<'miners.list'> {
  return { ...minerFilters(view), sort: view.sort, dir: view.dir, offset: pageIndex * minerPageSize, limit: minerPageSize };
}

/** Every filter cleared ("Clear all filters"); sort and the open miner stay. */
export const clearedFilters = {
  search: '',
  statuses: [],
  clientIds: [],
  siteIds: [],
  rackIds: [],
  modelIds: [],
  states: [],
  paid: null,
  tags: [],
  hashrateBelowThs: null,
} satisfies Partial<MinerListView>;

/** How many filters of the drawer (all but search and status) are set: the number on the Filters button. */
export function countDrawerFilters(view: MinerListView): number {
  const { clientIds, siteIds, rackIds, modelIds, states, paid, tags, hashrateBelowThs } = view;
  return (
    [clientIds, siteIds, rackIds, modelIds, states, tags].filter((values) => values.length > 0).length +
    [paid, hashrateBelowThs].filter((v) => v !== null).length
  );
}

/** A key that changes whenever the set of matching rows or their order changes: selection and paging restart then. */
export function listKey(view: MinerListView): string {
  return JSON.stringify({ ...minerFilters(view), sort: view.sort, dir: view.dir });
}

/** True when the view filters the fleet at all (search, status or a drawer filter). */
export const filtersAnything = (view: MinerListView): boolean => countDrawerFilters(view) > 0 || view.search.trim() !== '' || view.statuses.length > 0;
