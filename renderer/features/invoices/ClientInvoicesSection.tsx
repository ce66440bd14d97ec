import { Button, Center, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconFileInvoice } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useQueryCall } from '../../api/useCall';
import { SectionHeader } from '../../components/SectionHeader';
import { InvoicesTable } from './InvoicesTable';
import { InvoiceTotals } from './InvoiceTotals';

/** A client's invoices and credit notes with their status and amounts, and what they come to and still owe. */
export function ClientInvoicesSection({ clientId }: { clientId: number }) {
  const list = useQueryCall('invoices.list', { clientId });
  return (
    <Stack gap="sm">
      <SectionHeader
        title="Invoices"
        description="Every invoice and credit note of this client, newest month first. Owed is what issued invoices still wait for, less credit notes."
        action={
          <Button component={Link} to={`/invoices?client=${clientId}`} variant="default" leftSection={<IconFileInvoice size={16} />}>
            Open in Invoices
          </Button>
        }
      />
      {!list.data ? (
        <Center py="xl">{list.isError ? <Text>The invoices could not be loaded.</Text> : <Loader aria-label="Loading invoices" />}</Center>
      ) : list.data.invoices.length === 0 ? (
        <Paper withBorder p="xl" ta="center">
          <Text fw={600}>No invoices yet.</Text>
          <Text c="dimmed" size="sm">
            Invoices appear here once a batch has billed a month of this client’s contracts (Invoices → Generate invoices).
          </Text>
        </Paper>
      ) : (
        <>
          <InvoiceTotals totals={list.data.totals} label="What this client’s invoices come to" />
          <InvoicesTable rows={list.data.invoices} withClient={false} label="Client invoices" />
        </>
      )}
    </Stack>
  );
}
