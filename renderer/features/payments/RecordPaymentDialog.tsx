import { Checkbox, Group, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Input } from '../../../electron/contract';
import type { InvoiceSummary } from '../../../electron/contract/invoices';
import type { RecordedPayment } from '../../../electron/contract/payments';
import { paymentMethodLabels, paymentMethods } from '../../../electron/contract/payments.vocab';
import { useQueryCall } from '../../api/useCall';
import { FormModal } from '../../components/FormModal';
import { useFormCall } from '../../components/useFormCall';
import { moneyText } from '../contracts/contract-format';
import { invoiceName } from '../invoices/invoice-format';
import { useSiteToday } from '../invoices/useSiteToday';
import { AllocationEditor } from './AllocationEditor';
import { minorOf, payableInvoices, textOf } from './payment-format';

type Allocate = 'oldest' | 'none' | 'choose';
type FormValues = Omit<Input<'payments.record'>, 'clientId' | 'allocate' | 'sendReceipt'>;

const methodOptions = paymentMethods.map((m) => ({ value: m, label: paymentMethodLabels[m] }));

/**
 * Records money a client paid: method, amount, currency, the day it arrived, reference and fee; then pays
 * the oldest invoices first, keeps it all as credit, or pays the invoices chosen. Opened from an invoice,
 * it pays that invoice. `onRecorded` gets the answer (the page offers to restore pools from it).
 */
export function RecordPaymentDialog(props: {
  clientId: number;
  clientName: string;
  currency: string;
  invoice?: InvoiceSummary;
  onRecorded: (recorded: RecordedPayment) => void;
  onClose: () => void;
}) {
  const { clientId, invoice } = props;
  const today = useSiteToday();
  const list = useQueryCall('invoices.list', { clientId });
  const client = useQueryCall('clients.get', { id: clientId });
  const settings = useQueryCall('settings.get', {});
  // Ticked as Settings say until the person changes it.
  const [receiptChoice, setReceiptChoice] = useState<boolean | null>(null);
  const sendReceipt = receiptChoice ?? settings.data?.sendPaymentReceipts ?? true;
  const form = useForm<FormValues>({
    initialValues: {
      method: 'bank_transfer',
      amount: invoice ? invoice.amountDue : '',
      currency: invoice?.currency ?? props.currency,
      receivedAt: today,
      reference: '',
      fee: '',
      note: '',
    },
  });
  const [allocate, setAllocate] = useState<Allocate>(invoice ? 'choose' : 'oldest');
  const [chosen, setChosen] = useState<Record<number, string>>(invoice ? { [invoice.id]: invoice.amountDue } : {});
  const record = useFormCall('payments.record', form, { failureTitle: 'The payment was not recorded' });
  const currency = form.values.currency.trim().toUpperCase();
  const payable = payableInvoices(list.data?.invoices ?? [], currency);
  const currencies = [...new Set([props.currency, ...(list.data?.invoices ?? []).map((i) => i.currency)])];

  const submit = form.onSubmit(async (values) => {
    const allocations = Object.entries(chosen)
      .filter(([, amount]) => (minorOf(amount, currency) ?? 1) !== 0)
      .map(([invoiceId, amount]) => ({ invoiceId: Number(invoiceId), amount: amount.trim() }));
    const outcome = await record.run({
      ...values,
      clientId,
      fee: values.fee?.trim() ? values.fee : undefined,
      allocate: allocate === 'choose' ? allocations : allocate,
      sendReceipt,
    });
    if (!outcome.ok) return;
    const { payment: p, receipt } = outcome.value;
    const credit = minorOf(p.unallocated, p.currency) ? ` ${moneyText(p.unallocated, p.currency)} is kept as credit.` : '';
    const mailed = receipt ? ` A receipt is queued for e-mail to ${receipt.to.join(', ')}.` : '';
    notifications.show({
      color: 'green',
      title: 'Payment recorded',
      message: `${moneyText(p.amount, p.currency)} from ${props.clientName}.${credit}${mailed}`,
    });
    props.onRecorded(outcome.value);
    props.onClose();
  });

  return (
    <FormModal
      title={invoice ? `Record a payment of ${invoiceName(invoice)}` : `Record a payment from ${props.clientName}`}
      submitLabel="Record payment"
      saving={record.running}
      procedure="payments.record"
      onSubmit={submit}
      onClose={props.onClose}
      size="lg"
    >
      <Group grow align="flex-start">
        <Select label="Method" data={methodOptions} allowDeselect={false} withAsterisk {...form.getInputProps('method')} />
        <TextInput label="Received on" type="date" max={today} withAsterisk {...form.getInputProps('receivedAt')} />
      </Group>
      <Group grow align="flex-start">
        <TextInput label="Amount" placeholder="0.00" withAsterisk data-autofocus {...form.getInputProps('amount')} />
        <Select label="Currency" data={currencies} allowDeselect={false} withAsterisk {...form.getInputProps('currency')} />
      </Group>
      <Group grow align="flex-start">
        <TextInput
          label="Reference"
          placeholder="WIRE-2026-0412"
          description="As on the bank statement, or the transaction id."
          {...form.getInputProps('reference')}
        />
        <TextInput
          label="Fee"
          placeholder="0.00"
          description="Kept by the bank or network; the client is credited the whole amount."
          {...form.getInputProps('fee')}
        />
      </Group>
      <Textarea label="Note" autosize minRows={1} {...form.getInputProps('note')} />
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          Pay
        </Text>
        <SegmentedControl
          fullWidth
          value={allocate}
          onChange={(value) => setAllocate(value as Allocate)}
          data={[
            { value: 'oldest', label: 'Oldest first' },
            { value: 'choose', label: 'Choose invoices' },
            { value: 'none', label: 'Keep as credit' },
          ]}
        />
        {allocate === 'oldest' && (
          <Text size="sm" c="dimmed">
            The oldest due invoices in {currency} are paid first; whatever is left is kept as credit and applied to the next invoice issued.
          </Text>
        )}
        {allocate === 'none' && (
          <Text size="sm" c="dimmed">
            Nothing is allocated now: the credit is applied to the oldest open invoice when the next invoice is issued, or by hand later.
          </Text>
        )}
        {allocate === 'choose' && (
          <AllocationEditor
            currency={currency}
            rows={payable.map((i) => ({ invoice: i, mostMinor: minorOf(i.amountDue, currency) ?? 0 }))}
            values={chosen}
            availableMinor={minorOf(form.values.amount, currency)}
            onChange={setChosen}
          />
        )}
        {allocate !== 'choose' && payable.length > 0 && (
          <Text size="sm" c="dimmed">
            Open in {currency}: {payable.length} invoice{payable.length === 1 ? '' : 's'}, owing{' '}
            {moneyText(
              textOf(
                payable.reduce((sum, i) => sum + (minorOf(i.amountDue, currency) ?? 0), 0),
                currency,
              ),
              currency,
            )}
            .
          </Text>
        )}
      </Stack>
      <Checkbox
        label="E-mail a receipt"
        description={
          client.data
            ? `The Payment receipt template, to ${client.data.effectiveBillingEmail}, stating the balance after this payment.`
            : 'The Payment receipt template, to the client’s billing address.'
        }
        checked={sendReceipt}
        onChange={(event) => setReceiptChoice(event.currentTarget.checked)}
      />
    </FormModal>
  );
}
