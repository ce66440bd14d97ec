import { Center, Loader, Paper, Text } from '@mantine/core';
import { useQueryCall } from '../../api/useCall';
import { InvoicesTable } from './InvoicesTable';

/** The invoices and credit notes of one contract (its client's, picked by contract), newest month first. */
export function ContractInvoicesSection({ contractId, clientId }: { contractId: number; clientId: number }) {
  const list = useQueryCall('invoices.list', { clientId });
  const rows = list.data?.invoices.filter((row) => row.contractId === contractId);
  if (!rows) return <Center py="xl">{list.isError ? <Text>The invoices could not be loaded.</Text> : <Loader aria-label="Loading invoices" />}</Center>;
  if (rows.length === 0)
    return (
      <Paper withBorder p="xl" ta="center">
        <Text fw={600}>No invoices yet.</Text>
        <Text c="dimmed" size="sm">
          Invoices for this contract appear here once a batch has billed a month of it (Invoices → Generate invoices).
        </Text>
      </Paper>
    );
  return <InvoicesTable rows={rows} withClient={false} withContract={false} label="Contract invoices" />;
}
