import { useEffect } from 'react';
import { invoke } from '../../api/client';

const activityEvents = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
const checkEveryMs = 10_000;
// While someone works, the server hears of it at least this often even if the screen calls nothing (a long form).
const keepAliveEveryMs = 60_000;

/**
 * Locks the session after `minutes` without a key, click or pointer move in this window (the server enforces the
 * same limit from the last call it saw); activity also keeps the server's session fresh.
 */
export function useIdleLock(minutes: number | null, onIdle: () => void): void {
  useEffect(() => {
    if (minutes === null) return;
    let lastActivity = Date.now();
    let lastKeepAlive = lastActivity;
    const noteActivity = () => {
      lastActivity = Date.now();
      if (lastActivity - lastKeepAlive >= keepAliveEveryMs) {
        lastKeepAlive = lastActivity;
        void invoke('auth.status', {});
      }
    };
    for (const name of activityEvents) window.addEventListener(name, noteActivity, { passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity > minutes * 60_000) onIdle();
    }, checkEveryMs);
    return () => {
      for (const name of activityEvents) window.removeEventListener(name, noteActivity);
      window.clearInterval(timer);
    };
  }, [minutes, onIdle]);
}
