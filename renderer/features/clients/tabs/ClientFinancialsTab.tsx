import { Stack } from '@mantine/core';
import { ClientInvoicesSection } from '../../invoices/ClientInvoicesSection';
import { ClientJournalSection } from '../../payments/ClientJournalSection';
import { ClientPaymentsSection } from '../../payments/ClientPaymentsSection';
import { ClientStatementSection } from '../../reports/ClientStatementSection';

/** The client's money, one section per kind of record: balance and payments, invoices, the journal, and the statement. */
export function ClientFinancialsTab({ clientId }: { clientId: number }) {
  return (
    <Stack gap="xl">
      <ClientPaymentsSection clientId={clientId} />
      <ClientInvoicesSection clientId={clientId} />
      <ClientJournalSection clientId={clientId} />
      <ClientStatementSection clientId={clientId} />
    </Stack>
  );
}
