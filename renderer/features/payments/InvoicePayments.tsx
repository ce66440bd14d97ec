import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCash } from '@tabler/icons-react';
import type { InvoiceSummary } from '../../../electron/contract/invoices';
import { paymentMethodLabels } from '../../../electron/contract/payments.vocab';
import { useQueryCall } from '../../api/useCall';
import { useDates } from '../../components/useDates';
import { moneyText } from '../contracts/contract-format';
import { useRecordPayment } from './useRecordPayment';
import { Permitted } from '../../components/Permitted';

const payable = (i: InvoiceSummary) => i.kind === 'invoice' && (i.status === 'issued' || i.status === 'partially_paid' || i.status === 'overdue');

/** On an issued invoice: the payments that pay it, and Record payment while it still owes money. */
export function InvoicePayments({ invoice }: { invoice: InvoiceSummary }) {
  const issued = invoice.kind === 'invoice' && invoice.number !== null && invoice.status !== 'void';
  const payments = useQueryCall('payments.list', { clientId: invoice.clientId }, { enabled: issued });
  const record = useRecordPayment({ id: invoice.clientId, name: invoice.clientName, currency: invoice.currency });
  const { date } = useDates();
  if (!issued) return null;
  const paying = (payments.data ?? []).flatMap((p) => p.allocations.filter((a) => a.invoiceId === invoice.id).map((a) => ({ payment: p, amount: a.amount })));
  return (
    <Paper withBorder p="md" radius="md" role="region" aria-label="Payments on this invoice">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text fw={600}>Payments</Text>
          {paying.length === 0 ? (
            <Text size="sm" c="dimmed">
              No payment pays this invoice yet.
            </Text>
          ) : (
            paying.map(({ payment, amount }) => (
              <Text size="sm" key={payment.id}>
                {moneyText(amount, invoice.currency)} of payment #{payment.id} ({paymentMethodLabels[payment.method]}
                {payment.reference ? ` ${payment.reference}` : ''}), received {date(payment.receivedOn)}
              </Text>
            ))
          )}
        </Stack>
        {payable(invoice) && (
          <Permitted procedure="payments.record">
            <Button leftSection={<IconCash size={16} />} onClick={() => record.open(invoice)}>
              Record payment
            </Button>
          </Permitted>
        )}
      </Group>
      {record.dialogs}
    </Paper>
  );
}
