import { useUrlView } from '../../components/useUrlView';
import { readInvoiceListView, writeInvoiceListView, type InvoiceListView } from './invoice-list-params';

const mergeInvoiceView = (now: InvoiceListView, change: Partial<InvoiceListView>): InvoiceListView => ({ ...now, ...change });

/** The Invoices view read from and written to the URL. */
export const useInvoiceListView = () => useUrlView(readInvoiceListView, writeInvoiceListView, mergeInvoiceView);
