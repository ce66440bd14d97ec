import { Notifications } from '@mantine/notifications';
import { useAfterPaint } from './useAfterPaint';

/**
 * Mantine's notification area (six corners, each a portal and a transition group), mounted once the first screen
 * has painted: it costs that screen tens of ms and shows nothing then. A notification shown earlier waits in
 * Mantine's store and appears when the area mounts.
 */
export function NotificationsAfterPaint() {
  return useAfterPaint() ? <Notifications position="top-right" /> : null;
}
