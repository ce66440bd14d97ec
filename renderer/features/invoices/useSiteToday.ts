import { useDates } from '../../components/useDates';
import { localDateOf } from '../contracts/contract-format';

/** Today's date (YYYY-MM-DD) in the organisation's time zone, where billing months are counted. */
export function useSiteToday(): string {
  const { zone } = useDates();
  return localDateOf(new Date().toISOString(), zone);
}
