import { clientSortKeys, type ClientSortKey } from '../../../electron/contract/clients.list';
import { clientStatuses, type ClientStatus } from '../../../electron/contract/clients';
import type { Input } from '../../../electron/contract';

/** The client list's view as it lives in the URL, so any view can be bookmarked or shared. */
export type ClientListView = {
  search: string;
  statuses: ClientStatus[];
  createdFrom: string | null;
  createdTo: string | null;
  groupIds: number[];
  managerIds: number[];
  taxExempt: boolean | null;
  hasMiners: boolean | null;
  hasContracts: boolean | null;
  balanceOwed: boolean | null;
  includeArchived: boolean;
  sort: ClientSortKey;
  dir: 'asc' | 'desc';
  page: number;
};

export const pageSize = 50;

const ids = (text: string | null) =>
  (text ?? '')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
const yesNo = (text: string | null) => (text === 'yes' ? true : text === 'no' ? false : null);
const date = (text: string | null) => (text && /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null);

export function readListView(params: URLSearchParams): ClientListView {
  const sort = params.get('sort') as ClientSortKey | null;
  return {
    search: params.get('q') ?? '',
    statuses: (params.get('status') ?? '').split(',').filter((s): s is ClientStatus => (clientStatuses as readonly string[]).includes(s)),
    createdFrom: date(params.get('from')),
    createdTo: date(params.get('to')),
    groupIds: ids(params.get('group')),
    managerIds: ids(params.get('manager')),
    taxExempt: yesNo(params.get('taxExempt')),
    hasMiners: yesNo(params.get('hasMiners')),
    hasContracts: yesNo(params.get('hasContracts')),
    balanceOwed: yesNo(params.get('owed')),
    includeArchived: params.get('archived') === '1',
    sort: sort && clientSortKeys.includes(sort) ? sort : 'id',
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
    page: Math.max(1, Number(params.get('page')) || 1),
  };
}

/** Writes only what differs from the default view, so plain /clients stays plain. */
export function writeListView(view: ClientListView): URLSearchParams {
  const params = new URLSearchParams();
  const put = (key: string, value: string | null | undefined) => value && params.set(key, value);
  const bool = (value: boolean | null) => (value === null ? null : value ? 'yes' : 'no');
  put('q', view.search.trim());
  put('status', view.statuses.join(','));
  put('from', view.createdFrom);
  put('to', view.createdTo);
  put('group', view.groupIds.join(','));
  put('manager', view.managerIds.join(','));
  put('taxExempt', bool(view.taxExempt));
  put('hasMiners', bool(view.hasMiners));
  put('hasContracts', bool(view.hasContracts));
  put('owed', bool(view.balanceOwed));
  put('archived', view.includeArchived ? '1' : null);
  put('sort', view.sort === 'id' ? null : view.sort);
  put('dir', view.dir === 'asc' ? null : view.dir);
  put('page', view.page > 1 ? String(view.page) : null);
  return params;
}

/** The `clients.list` input for a view. */
export function listInput(view: ClientListView): Input<'clients.list'> {
  const { page, ...filters } = view;
  return { ...filters, offset: (page - 1) * pageSize, limit: pageSize };
}

/** How many filters beyond search and status are set: the number on the Filters button. */
export function countExtraFilters(view: ClientListView): number {
  return [
    view.createdFrom,
    view.createdTo,
    view.groupIds.length || null,
    view.managerIds.length || null,
    view.taxExempt,
    view.hasMiners,
    view.hasContracts,
    view.balanceOwed,
    view.includeArchived || null,
  ].filter((v) => v !== null).length;
}
