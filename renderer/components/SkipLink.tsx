import classes from './SkipLink.module.css';

export const mainContentId = 'main-content';

/**
 * The first Tab stop of every page: jumps past the header and navigation to the page itself. Focus is moved
 * by hand rather than through the URL fragment, which carries the serve token and the router's state.
 */
export function SkipLink() {
  return (
    <a
      className={classes.link}
      href={`#${mainContentId}`}
      onClick={(event) => {
        event.preventDefault();
        const main = document.getElementById(mainContentId);
        main?.focus();
        main?.scrollIntoView({ block: 'start' });
      }}
    >
      Skip to content
    </a>
  );
}
