import { Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Payment } from '../../../electron/contract/payments';
import { FormModal } from '../../components/FormModal';
import { useFormCall } from '../../components/useFormCall';
import { moneyText } from '../contracts/contract-format';

/** Gives money back out of what a payment has not paid on invoices. */
export function RefundDialog({ payment, onClose }: { payment: Payment; onClose: () => void }) {
  const form = useForm({ initialValues: { amount: payment.unallocated, reason: '' } });
  const refund = useFormCall('payments.refund', form, { failureTitle: 'Nothing was refunded' });
  const submit = form.onSubmit(async (values) => {
    const outcome = await refund.run({ paymentId: payment.id, ...values });
    if (!outcome.ok) return;
    notifications.show({
      color: 'green',
      title: 'Refund recorded',
      message: `${moneyText(values.amount, payment.currency)} of payment #${payment.id} given back.`,
    });
    onClose();
  });
  return (
    <FormModal
      title={`Refund from payment #${payment.id}`}
      submitLabel="Record refund"
      saving={refund.running}
      procedure="payments.refund"
      onSubmit={submit}
      onClose={onClose}
    >
      <Text size="sm">
        Payment #{payment.id} has {moneyText(payment.unallocated, payment.currency)} not paid on invoices. To refund more, first take some of it off invoices
        with Allocate.
      </Text>
      <TextInput label="Amount" withAsterisk data-autofocus {...form.getInputProps('amount')} />
      <Textarea label="Reason" withAsterisk placeholder="e.g. Paid the same invoice twice" autosize minRows={2} {...form.getInputProps('reason')} />
    </FormModal>
  );
}
