import { Stack } from '@mantine/core';
import { ClientInvoicesSection } from '../../invoices/ClientInvoicesSection';

/** The client's money, one section per kind of record: invoices now; payments and the journal join as sections of their own. */
export function ClientFinancialsTab({ clientId }: { clientId: number }) {
  return (
    <Stack gap="xl">
      <ClientInvoicesSection clientId={clientId} />
    </Stack>
  );
}
