import { Button, Center, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconFilterOff, IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { useQueryCall } from '../../api/useCall';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { plural } from '../contracts/contract-format';
import { BatchDialog } from './batch/BatchDialog';
import { invoiceListInput } from './invoice-list-params';
import { InvoiceFilters, InvoiceStatusFilter } from './InvoiceFilters';
import { InvoicesTable } from './InvoicesTable';
import { InvoiceTotals } from './InvoiceTotals';
import { useInvoiceListView } from './useInvoiceListView';
import { Permitted } from '../../components/Permitted';

export function InvoicesPage() {
  const [view, update] = useInvoiceListView();
  const [batchOpen, setBatchOpen] = useState(false);
  const list = useQueryCall('invoices.list', invoiceListInput(view), { placeholderData: (previous) => previous });
  const anyFilter = view.period !== null || view.status !== null || view.clientId !== null;

  return (
    <Stack gap="md">
      <PageHeader
        title="Invoices"
        description="Invoices per client, contract and month (in the site's time zone), and the credit notes that correct them."
        actions={
          <Permitted procedure="invoices.generateBatch">
            <Button leftSection={<IconPlayerPlay size={18} />} onClick={() => setBatchOpen(true)}>
              Generate invoices
            </Button>
          </Permitted>
        }
      />
      <Group justify="space-between" align="flex-end">
        <InvoiceFilters view={view} onChange={update} />
        {anyFilter && (
          <Button
            variant="subtle"
            color="gray"
            leftSection={<IconFilterOff size={18} />}
            onClick={() => update({ period: null, status: null, clientId: null })}
          >
            Clear all
          </Button>
        )}
      </Group>
      <InvoiceStatusFilter value={view.status} counts={list.data?.statusCounts} onChange={(status) => update({ status })} />
      {list.error && !list.data && <ErrorAlert title="The invoices could not be loaded" error={list.error.apiError} />}
      {!list.data ? (
        !list.error && (
          <Center py="xl">
            <Loader aria-label="Loading invoices" />
          </Center>
        )
      ) : list.data.invoices.length === 0 ? (
        <Paper withBorder p="xl" ta="center">
          <Text fw={600}>{anyFilter ? 'No invoices match this view.' : 'No invoices yet.'}</Text>
          <Text c="dimmed" size="sm">
            {anyFilter
              ? 'Pick another month, status or client, or clear the filters.'
              : 'Generate the first month with Generate invoices: every client with a contract in force that month gets one invoice per contract.'}
          </Text>
        </Paper>
      ) : (
        <>
          <InvoiceTotals totals={list.data.totals} />
          <InvoicesTable rows={list.data.invoices} />
          <Text size="sm" c="dimmed">
            {plural(list.data.invoices.length, 'document')}
          </Text>
        </>
      )}
      {batchOpen && <BatchDialog onClose={() => setBatchOpen(false)} />}
    </Stack>
  );
}
