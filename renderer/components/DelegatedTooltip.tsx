import { Tooltip } from '@mantine/core';
import { useEffect, useState, type RefObject } from 'react';

/** The attribute a mark inside the container carries to get the shared tooltip: its text. */
export const tooltipAttribute = 'data-tooltip';

const markUnder = (target: EventTarget | null): HTMLElement | null => (target instanceof Element ? target.closest<HTMLElement>(`[${tooltipAttribute}]`) : null);

/**
 * One Mantine tooltip for every mark in a long list (a mark names its text in `data-tooltip`): it follows the
 * pointer over the container, so each of thousands of rows does not carry a tooltip of its own (each costs a
 * floating element's hooks on every render of its row). Opens on hover after `openDelay`, like Tooltip.
 */
export function DelegatedTooltip({ container, openDelay = 300 }: { container: RefObject<HTMLElement | null>; openDelay?: number }) {
  const [mark, setMark] = useState<HTMLElement | null>(null);
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    let timer: number | undefined;
    const over = (event: PointerEvent) => {
      const next = markUnder(event.target);
      window.clearTimeout(timer);
      if (next) timer = window.setTimeout(() => setMark(next), openDelay);
      else setMark(null);
    };
    const out = (event: PointerEvent) => {
      if (markUnder(event.relatedTarget) === markUnder(event.target)) return;
      window.clearTimeout(timer);
      setMark(null);
    };
    root.addEventListener('pointerover', over);
    root.addEventListener('pointerout', out);
    return () => {
      window.clearTimeout(timer);
      root.removeEventListener('pointerover', over);
      root.removeEventListener('pointerout', out);
    };
  }, [container, openDelay]);
  if (!mark) return null;
  return <Tooltip target={mark} label={mark.getAttribute(tooltipAttribute)} opened withArrow />;
}
