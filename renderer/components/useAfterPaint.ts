import { useEffect, useState } from 'react';

/**
 * False until the screen this component is part of has been painted once, then true: for a large part that may
 * wait (a chart library) so that it does not hold back the first paint of what the user came for. A frame's
 * callback runs before its paint; the timeout queued there runs after it.
 */
export function useAfterPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted;
}
