import { NotFound, noRecordText } from '../../components/NotFound';

/** /clients/:id and /clients/:id/edit for a client that does not exist. */
export function ClientNotFound({ id }: { id: string }) {
  return <NotFound title="Client not found" text={noRecordText('client', id)} back={{ label: 'Back to clients', to: '/clients' }} />;
}
