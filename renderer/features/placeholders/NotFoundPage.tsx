import { NotFound } from '../../components/NotFound';

/** An address no route knows. */
export function NotFoundPage() {
  return (
    <NotFound
      title="Page not found"
      text="There is no page at this address. It may have been a link from an older version."
      back={{ label: 'Go to the dashboard', to: '/' }}
    />
  );
}
