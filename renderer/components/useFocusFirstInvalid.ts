import { useEffect } from 'react';

/** The first field of the form marked invalid, scrolled into view and focused; false when none is. */
function focusFirstInvalid(form: HTMLFormElement): boolean {
  const first = form.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!first) return false;
  first.scrollIntoView({ block: 'center', behavior: 'smooth' });
  first.focus({ preventScroll: true });
  return true;
}

/**
 * For every form of the app, once: after a submit, focus moves to the first invalid field as soon as one
 * shows, whether the form's own check marked it or the API's reasons did a moment later. Typing in the form
 * or leaving it stops the wait, so a later check never pulls the focus away from the person.
 */
export function useFocusFirstInvalid(): void {
  useEffect(() => {
    let waiting: HTMLFormElement | null = null;
    const onSubmit = (event: Event) => {
      if (!(event.target instanceof HTMLFormElement)) return;
      const form = event.target;
      waiting = form;
      // The form's own check renders before the next frames; the API's reasons arrive through the observer.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          if (waiting === form && focusFirstInvalid(form)) waiting = null;
        }),
      );
    };
    const onTyping = (event: Event) => {
      if (waiting && event.target instanceof Node && waiting.contains(event.target)) waiting = null;
    };
    const observer = new MutationObserver(() => {
      if (!waiting) return;
      if (!waiting.isConnected || focusFirstInvalid(waiting)) waiting = null;
    });
    observer.observe(document.body, { attributes: true, attributeFilter: ['aria-invalid'], subtree: true });
    document.addEventListener('submit', onSubmit, true);
    document.addEventListener('input', onTyping, true);
    return () => {
      observer.disconnect();
      document.removeEventListener('submit', onSubmit, true);
      document.removeEventListener('input', onTyping, true);
    };
  }, []);
}
