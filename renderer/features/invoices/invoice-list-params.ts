import type { Input } from '../../../electron/contract';
import { invoiceStatuses, type InvoiceStatus } from '../../../electron/contract/invoices.vocab';

/** The Invoices page's view as it lives in the URL, so a month's run can be linked from the batch dialog or bookmarked. */
export type InvoiceListView = {
  /** YYYY-MM, or null for every month. */
  period: string | null;
  status: InvoiceStatus | null;
  clientId: number | null;
};

const periodPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

export function readInvoiceListView(params: URLSearchParams): InvoiceListView {
  const period = params.get('period');
  const status = params.get('status') as InvoiceStatus | null;
  const clientId = Number(params.get('client'));
  return {
    period: period && periodPattern.test(period) ? period : null,
    status: status && invoiceStatuses.includes(status) ? status : null,
    clientId: Number.isInteger(clientId) && clientId > 0 ? clientId : null,
  };
}

/** Writes only what is set, so plain /invoices stays plain. */
export function writeInvoiceListView(view: InvoiceListView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.period) params.set('period', view.period);
  if (view.status) params.set('status', view.status);
  if (view.clientId) params.set('client', String(view.clientId));
  return params;
}

/** The `invoices.list` input for a view. */
export function invoiceListInput(view: InvoiceListView): Input<'invoices.list'> {
  return {
    ...(view.period ? { period: view.period } : {}),
    ...(view.status ? { status: view.status } : {}),
    ...(view.clientId ? { clientId: view.clientId } : {}),
  };
}

/** The address of the Invoices page showing one month: where a batch run's result links to. */
export const invoicesOfPeriodPath = (period: string) => `/invoices?${writeInvoiceListView({ period, status: null, clientId: null }).toString()}`;
