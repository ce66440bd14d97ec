import type { Input } from '../../../electron/contract';
import {
  contractSortKeys,
  contractStatuses,
  contractTypes,
  type ContractSortKey,
  type ContractStatus,
  type ContractType,
} from '../../../electron/contract/contracts.vocab';

/** The Contracts page's view as it lives in the URL, so a filtered list can be bookmarked or linked. */
export type ContractListView = {
  search: string;
  types: ContractType[];
  statuses: ContractStatus[];
  clientIds: number[];
  siteIds: number[];
  /** In force and ending within this many days. */
  expiringWithinDays: number | null;
  /** The renewal queue's window: notice due within this many days. */
  queueDays: number;
  sort: ContractSortKey;
  dir: 'asc' | 'desc';
  page: number;
};

export const contractPageSize = 50;
export const defaultQueueDays = 30;

const ids = (text: string | null) =>
  (text ?? '')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
const oneOf = <T extends string>(allowed: readonly T[], text: string | null) =>
  (text ?? '').split(',').filter((s): s is T => (allowed as readonly string[]).includes(s));
const days = (text: string | null) => {
  const n = Number(text);
  return text !== null && text !== '' && Number.isInteger(n) && n >= 0 && n <= 3650 ? n : null;
};

export function readContractListView(params: URLSearchParams): ContractListView {
  const sort = params.get('sort') as ContractSortKey | null;
  return {
    search: params.get('q') ?? '',
    types: oneOf(contractTypes, params.get('type')),
    statuses: oneOf(contractStatuses, params.get('status')),
    clientIds: ids(params.get('client')),
    siteIds: ids(params.get('site')),
    expiringWithinDays: days(params.get('expiring')),
    queueDays: days(params.get('queue')) ?? defaultQueueDays,
    sort: sort && contractSortKeys.includes(sort) ? sort : 'id',
    dir: params.get('dir') === 'asc' ? 'asc' : 'desc',
    page: Math.max(1, Number(params.get('page')) || 1),
  };
}

/** Writes only what differs from the default view, so plain /contracts stays plain. */
export function writeContractListView(view: ContractListView): URLSearchParams {
  const params = new URLSearchParams();
  const put = (key: string, value: string | null) => value && params.set(key, value);
  put('q', view.search.trim());
  put('type', view.types.join(','));
  put('status', view.statuses.join(','));
  put('client', view.clientIds.join(','));
  put('site', view.siteIds.join(','));
  put('expiring', view.expiringWithinDays === null ? null : String(view.expiringWithinDays));
  put('queue', view.queueDays === defaultQueueDays ? null : String(view.queueDays));
  put('sort', view.sort === 'id' ? null : view.sort);
  put('dir', view.dir === 'desc' ? null : view.dir);
  put('page', view.page > 1 ? String(view.page) : null);
  return params;
}

/** The `contracts.list` input for a view's page. */
export function contractListInput(view: ContractListView): Input<'contracts.list'> {
  return {
    search: view.search.trim(),
    type: view.types,
    status: view.statuses,
    clientId: view.clientIds,
    siteId: view.siteIds,
    expiringWithinDays: view.expiringWithinDays,
    sort: view.sort,
    dir: view.dir,
    offset: (view.page - 1) * contractPageSize,
    limit: contractPageSize,
  };
}

/** The renewal queue: contracts in force whose last day to give notice falls within the window, soonest first. */
export function renewalQueueInput(view: Pick<ContractListView, 'queueDays' | 'clientIds' | 'siteIds'>): Input<'contracts.list'> {
  return { noticeDueWithinDays: view.queueDays, clientId: view.clientIds, siteId: view.siteIds, sort: 'noticeBy', dir: 'asc', limit: 20 };
}

/** How many filters beyond search and status are set. */
export const countContractFilters = (view: ContractListView) =>
  [view.types.length, view.clientIds.length, view.siteIds.length, view.expiringWithinDays !== null].filter(Boolean).length;
