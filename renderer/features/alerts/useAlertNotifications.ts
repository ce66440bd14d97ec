import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import type { AlertFeed, AlertRow } from '../../../electron/contract/alerts';
import { alertKindLabels } from '../../../electron/contract/alerts.vocab';
import { invokeOrThrow } from '../../api/client';
import { useGranted } from '../../api/usePermissions';

const POLL_MS = 15_000;
/** More new alerts than this at once (a rack losing power) make one summary instead of a notification each. */
const MAX_SINGLE = 3;

const subjectOf = (alert: AlertRow) => alert.miner?.assetId ?? alert.powerDevice?.name ?? 'Alert';

function desktopNotify(title: string, body: string, tag: string): void {
  if (!('Notification' in window) || Notification.permission !== 'granted') return;
  const shown = new Notification(title, { body, tag });
  shown.onclick = () => window.focus();
}

function announce(feed: AlertFeed): void {
  const desktop = feed.alerts.filter((alert) => feed.desktopKinds.includes(alert.kind));
  if (feed.newCount > MAX_SINGLE) {
    const title = `${feed.newCount} new alerts`;
    const body = 'Open Alerts to see them.';
    notifications.show({ color: 'red', title, message: body, autoClose: 10_000 });
    if (desktop.length) desktopNotify(title, body, 'hashdesk-alerts');
    return;
  }
  for (const alert of feed.alerts) {
    const title = `${alertKindLabels[alert.kind]}: ${subjectOf(alert)}`;
    notifications.show({ color: 'red', title, message: alert.message, autoClose: 10_000 });
    if (desktop.includes(alert)) desktopNotify(title, alert.message, `hashdesk-alert-${alert.id}`);
  }
}

/**
 * Mounted once in the app shell: every 15 s asks for alerts opened since the last answer and shows each one
 * in the app, and on the desktop when its rule asks for it and permission was given. The first answer only
 * sets where to start. Returns the number of open (unacknowledged) alerts for the navigation badge; any
 * change made in the app (an acknowledge) refreshes it at once. Only for a role that may see alerts.
 */
export function useAlertNotifications(): number {
  const lastId = useRef<number | null>(null);
  const allowed = useGranted('monitoring.view');
  const feed = useQuery({
    queryKey: ['alerts.feed', 'shell'],
    queryFn: async () => {
      const afterId = lastId.current;
      const answer = await invokeOrThrow('alerts.feed', { afterId });
      // Another request that started from the same id has already announced these.
      if (lastId.current !== afterId) return answer;
      lastId.current = answer.lastId;
      if (afterId !== null) announce(answer);
      return answer;
    },
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: true,
    enabled: allowed,
  });
  return feed.data?.openCount ?? 0;
}
