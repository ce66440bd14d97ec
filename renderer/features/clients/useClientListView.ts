import { useUrlView } from '../../components/useUrlView';
import { readListView, writeListView, type ClientListView } from './list-params';

const backToFirstPage = (now: ClientListView, change: Partial<ClientListView>): ClientListView => ({ ...now, page: 1, ...change });

/** The list view read from and written to the URL. Any change but paging goes back to page 1. */
export const useClientListView = () => useUrlView(readListView, writeListView, backToFirstPage);
