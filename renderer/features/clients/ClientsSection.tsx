import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../placeholders/NotFoundPage';
import { ClientDetailPage } from './ClientDetailPage';
import { EditClientPage, NewClientPage } from './ClientEditorPages';
import { ClientsPage } from './ClientsPage';

/** Everything under /clients. */
export function ClientsSection() {
  return (
    <Routes>
      <Route index element={<ClientsPage />} />
      <Route path="new" element={<NewClientPage />} />
      <Route path=":id/edit" element={<EditClientPage />} />
      <Route path=":id/:tab?" element={<ClientDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
