import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { Payment } from '../../../electron/contract/payments';
import { useCall, useQueryCall } from '../../api/useCall';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { useDates } from '../../components/useDates';
import { moneyText } from '../contracts/contract-format';
import { AllocationEditor, type AllocationRow } from './AllocationEditor';
import { minorOf } from './payment-format';

/** Sets by hand what a payment pays on each of the client's invoices; what is left out becomes credit. */
export function AllocatePaymentDialog({ payment, onClose }: { payment: Payment; onClose: () => void }) {
  const list = useQueryCall('invoices.list', { clientId: payment.clientId });
  const allocate = useCall('payments.allocate', { quiet: true });
  const { date } = useDates();
  const [values, setValues] = useState<Record<number, string>>(Object.fromEntries(payment.allocations.map((a) => [a.invoiceId, a.amount])));
  const money = (text: string) => minorOf(text, payment.currency) ?? 0;
  const current = new Map(payment.allocations.map((a) => [a.invoiceId, money(a.amount)]));
  const rows: AllocationRow[] = (list.data?.invoices ?? [])
    .filter((i) => i.kind === 'invoice' && i.currency === payment.currency && i.number !== null && i.status !== 'void')
    .map((invoice) => ({ invoice, mostMinor: money(invoice.amountDue) + (current.get(invoice.id) ?? 0) }))
    .filter((row) => row.mostMinor > 0)
    .sort((a, b) => (a.invoice.dueDate ?? '').localeCompare(b.invoice.dueDate ?? ''));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const allocations = Object.entries(values)
      .filter(([, amount]) => amount.trim() !== '')
      .map(([invoiceId, amount]) => ({ invoiceId: Number(invoiceId), amount: amount.trim() }));
    const outcome = await allocate.run({ paymentId: payment.id, allocations });
    if (!outcome.ok) return;
    notifications.show({
      color: 'green',
      title: 'Allocation saved',
      message: `Payment #${payment.id} pays ${moneyText(outcome.value.allocated, payment.currency)} on invoices; ${moneyText(outcome.value.unallocated, payment.currency)} is credit.`,
    });
    onClose();
  };

  return (
    <FormModal
      title={`Allocate payment #${payment.id}`}
      submitLabel="Save allocation"
      saving={allocate.running}
      procedure="payments.allocate"
      onSubmit={submit}
      onClose={onClose}
      size="lg"
    >
      <Text size="sm">
        {moneyText(payment.amount, payment.currency)} received {date(payment.receivedOn)}
        {payment.reference ? ` (${payment.reference})` : ''}. Type what it pays on each invoice; an invoice left blank gets nothing from it.
      </Text>
      <AllocationEditor
        currency={payment.currency}
        rows={rows}
        values={values}
        availableMinor={money(payment.amount) - money(payment.refunded)}
        onChange={setValues}
      />
      <ErrorAlert title="The allocation was not saved" error={allocate.error} />
    </FormModal>
  );
}
