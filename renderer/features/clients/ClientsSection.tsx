import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../placeholders/NotFoundPage';
import { PermittedPage } from '../placeholders/NotPermittedPage';
import { ClientDetailPage } from './ClientDetailPage';
import { EditClientPage, NewClientPage } from './ClientEditorPages';
import { ClientsPage } from './ClientsPage';

const toClients = { label: 'Back to clients', to: '/clients' };

/** Everything under /clients; the editors only for a role that may save them. */
export function ClientsSection() {
  return (
    <Routes>
      <Route index element={<ClientsPage />} />
      <Route
        path="new"
        element={
          <PermittedPage procedure="clients.create" back={toClients}>
            <NewClientPage />
          </PermittedPage>
        }
      />
      <Route
        path=":id/edit"
        element={
          <PermittedPage procedure="clients.update" back={toClients}>
            <EditClientPage />
          </PermittedPage>
        }
      />
      <Route path=":id/:tab?" element={<ClientDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
