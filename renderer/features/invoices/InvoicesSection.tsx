import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../placeholders/NotFoundPage';
import { InvoiceDetailPage } from './detail/InvoiceDetailPage';
import { InvoicesPage } from './InvoicesPage';

/** Everything under /invoices: the list (with the batch dialog) and each invoice or credit note. */
export function InvoicesSection() {
  return (
    <Routes>
      <Route index element={<InvoicesPage />} />
      <Route path=":id" element={<InvoiceDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
