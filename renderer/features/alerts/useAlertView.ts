import { useUrlView } from '../../components/useUrlView';
import { readAlertView, writeAlertView, type AlertView } from './alert-params';

const mergeAlertView = (now: AlertView, change: Partial<AlertView>): AlertView => ({ ...now, page: 'page' in change ? now.page : 1, ...change });

/** The alert list view read from and written to the URL; any change but paging goes back to page 1. */
export const useAlertView = () => useUrlView(readAlertView, writeAlertView, mergeAlertView);
