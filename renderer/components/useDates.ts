import { useCallback, useMemo } from 'react';
import { formatDate, formatDateTime } from '../../electron/contract/dates';
import { useQueryCall } from '../api/useCall';

const noValue = '—';
const computerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * The one way the screens write dates ("4 Dec 2026") and times ("4 Dec 2026, 21:53"): in the site's time
 * zone when `siteId` is given and the site has its own, else in the organisation's (Settings). Null reads "—".
 */
export function useDates(siteId?: number | null) {
  const settings = useQueryCall('settings.get', {}, { staleTime: 60_000 });
  const sites = useQueryCall('sites.list', { search: '' }, { staleTime: 60_000, enabled: siteId != null });
  const siteZone = siteId == null ? undefined : sites.data?.find((site) => site.id === siteId)?.effectiveTimeZone;
  const zone = siteZone ?? settings.data?.timeZone ?? computerZone();
  const date = useCallback((value: string | null | undefined) => (value ? formatDate(value, zone) : noValue), [zone]);
  const dateTime = useCallback((iso: string | null | undefined) => (iso ? formatDateTime(iso, zone) : noValue), [zone]);
  return useMemo(() => ({ date, dateTime, zone }), [date, dateTime, zone]);
}

export type Dates = ReturnType<typeof useDates>;
