import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../placeholders/NotFoundPage';
import { onlyIfPermitted } from '../placeholders/NotPermittedPage';
import { ClientDetailPage } from './ClientDetailPage';
import { EditClientPage, NewClientPage } from './ClientEditorPages';
import { ClientsPage } from './ClientsPage';

const toClients = { label: 'Back to clients', to: '/clients' };

/** Everything under /clients; the editors only for a role that may save them. */
export function ClientsSection() {
  return (
    <Routes>
      <Route index element={<ClientsPage />} />
      <Route path="new" element={onlyIfPermitted('clients.create', toClients, <NewClientPage />)} />
      <Route path=":id/edit" element={onlyIfPermitted('clients.update', toClients, <EditClientPage />)} />
      <Route path=":id/:tab?" element={<ClientDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
