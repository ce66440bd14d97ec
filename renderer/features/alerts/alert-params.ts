import type { Input } from '../../../electron/contract';
import { alertListStatuses, type AlertListStatus } from '../../../electron/contract/alerts';
import { alertKinds, type AlertKind } from '../../../electron/contract/alerts.vocab';

/** What the Alerts page shows, as kept in its URL (so other pages can link to a miner's or a client's alerts). */
export type AlertView = {
  status: AlertListStatus;
  kind: AlertKind | null;
  siteId: number | null;
  clientId: number | null;
  minerId: number | null;
  page: number;
};

export const alertPageSize = 50;

const idOf = (text: string | null): number | null => {
  const n = Number(text);
  return text !== null && Number.isSafeInteger(n) && n > 0 ? n : null;
};

export function readAlertView(params: URLSearchParams): AlertView {
  const status = params.get('status');
  const kind = params.get('kind');
  return {
    status: alertListStatuses.includes(status as AlertListStatus) ? (status as AlertListStatus) : 'active',
    kind: alertKinds.includes(kind as AlertKind) ? (kind as AlertKind) : null,
    siteId: idOf(params.get('site')),
    clientId: idOf(params.get('client')),
    minerId: idOf(params.get('miner')),
    page: idOf(params.get('page')) ?? 1,
  };
}

/** Only what differs from the defaults goes into the URL. */
export function writeAlertView(view: AlertView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.status !== 'active') params.set('status', view.status);
  if (view.kind) params.set('kind', view.kind);
  if (view.siteId !== null) params.set('site', String(view.siteId));
  if (view.clientId !== null) params.set('client', String(view.clientId));
  if (view.minerId !== null) params.set('miner', String(view.minerId));
  if (view.page > 1) params.set('page', String(view.page));
  return params;
}

export const alertListInput = (view: AlertView): Input<'alerts.list'> => ({
  status: view.status,
  kind: view.kind,
  siteId: view.siteId,
  clientId: view.clientId,
  minerId: view.minerId,
  offset: (view.page - 1) * alertPageSize,
  limit: alertPageSize,
});
