import { useUrlView } from '../../components/useUrlView';
import { readContractListView, writeContractListView, type ContractListView } from './contract-list-params';

const mergeContractView = (now: ContractListView, change: Partial<ContractListView>): ContractListView => ({
  ...now,
  page: 'page' in change ? now.page : 1,
  ...change,
});

/** The Contracts view read from and written to the URL; any change but paging goes back to page 1. */
export const useContractListView = () => useUrlView(readContractListView, writeContractListView, mergeContractView);
