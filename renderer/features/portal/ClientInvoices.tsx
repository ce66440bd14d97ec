import { Button, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { formatDate } from '../../../electron/contract/dates';
import { invoiceStatusLabels } from '../../../electron/contract/invoices.vocab';
import { invoke } from '../../api/client';
import { notifyFailure, useQueryCall } from '../../api/useCall';
import { downloadBase64 } from '../../components/files';
import { ErrorAlert } from '../../components/ErrorAlert';

const money = (amount: string, currency: string) => `${amount} ${currency}`;

/** The client's issued invoices and credit notes, newest first, each with its PDF. */
export function ClientInvoices({ timeZone }: { timeZone: string }) {
  const invoices = useQueryCall('portal.invoices', {}, { staleTime: 30_000 });
  const [saving, setSaving] = useState<number | null>(null);
  const savePdf = async (id: number) => {
    setSaving(id);
    const outcome = await invoke('portal.invoicePdf', { id });
    setSaving(null);
    if (!outcome.ok) return notifyFailure('The PDF could not be made', outcome.error);
    downloadBase64(outcome.value.base64, 'application/pdf', outcome.value.fileName);
  };
  return (
    <section aria-labelledby="client-invoices">
      <Title order={2} size="h3" id="client-invoices" mb="xs">
        Invoices
      </Title>
      {invoices.error && <ErrorAlert title="Could not load your invoices" error={invoices.error.apiError} />}
      {invoices.data?.length === 0 && <Text c="dimmed">No invoices yet.</Text>}
      {invoices.data && invoices.data.length > 0 && (
        <Table.ScrollContainer minWidth={820}>
          <Table striped withTableBorder aria-label="Invoices">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Number</Table.Th>
                <Table.Th>Period</Table.Th>
                <Table.Th>Issued</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th ta="right">Total</Table.Th>
                <Table.Th ta="right">Still due</Table.Th>
                <Table.Th>
                  <VisuallyHidden>PDF</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invoices.data.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    {i.number}
                    {i.kind === 'credit_note' && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        credit note
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{i.period}</Table.Td>
                  <Table.Td>{i.issueDate ? formatDate(i.issueDate, timeZone) : '—'}</Table.Td>
                  <Table.Td>{i.dueDate ? formatDate(i.dueDate, timeZone) : '—'}</Table.Td>
                  <Table.Td>{invoiceStatusLabels[i.status]}</Table.Td>
                  <Table.Td ta="right">{money(i.total, i.currency)}</Table.Td>
                  <Table.Td ta="right">{money(i.amountDue, i.currency)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconDownload size={14} />}
                      loading={saving === i.id}
                      onClick={() => void savePdf(i.id)}
                      aria-label={`Download the PDF of ${i.number}`}
                    >
                      PDF
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
