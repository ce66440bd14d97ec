import { Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { InvoiceDetail } from '../../../../electron/contract/invoices';
import { useCall } from '../../../api/useCall';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormModal } from '../../../components/FormModal';
import { sentenceCase } from '../../../components/zod-form';
import { Confirm } from '../../contracts/detail/ConfirmDialogs';
import { invoiceName } from '../invoice-format';

/** Issue: the next number of the year, today's date and the due date from the contract's net days; no change after. */
export function IssueDialog({ invoice, onClose }: { invoice: InvoiceDetail; onClose: () => void }) {
  const issue = useCall('invoices.issue', { quiet: true });
  const run = async () => {
    const outcome = await issue.run({ id: invoice.id });
    if (!outcome.ok) return;
    notifications.show({ color: 'green', title: 'Invoice issued', message: `${invoiceName(invoice)} is now ${outcome.value.number}.` });
    onClose();
  };
  return (
    <Confirm
      title={`Issue ${invoiceName(invoice)}?`}
      action="Issue invoice"
      procedure="invoices.issue"
      running={issue.running}
      error={issue.error}
      onConfirm={run}
      onClose={onClose}
    >
      <Text size="sm">
        It gets the next invoice number of the year and today&apos;s date, and is due {invoice.netDays} days later. From then on its lines and amounts never
        change: a mistake is corrected with a credit note.
      </Text>
    </Confirm>
  );
}

/** Void with a reason: a draft or held one stops counting; an issued one keeps its number so the sequence has no gap. */
export function VoidDialog({ invoice, onClose }: { invoice: InvoiceDetail; onClose: () => void }) {
  const voidCall = useCall('invoices.void', { quiet: true });
  const form = useForm({ initialValues: { reason: '' } });
  const name = invoiceName(invoice);
  const submit = form.onSubmit(async ({ reason }) => {
    if (!reason.trim()) return form.setErrors({ reason: 'Say why the invoice is void' });
    const outcome = await voidCall.run({ id: invoice.id, reason });
    if (!outcome.ok) return form.setErrors(sentenceCase(outcome.error.fields));
    notifications.show({ color: 'green', title: 'Invoice void', message: `${name} is void.` });
    onClose();
  });
  return (
    <FormModal title={`Void ${name}?`} submitLabel="Void invoice" saving={voidCall.running} procedure="invoices.void" onSubmit={submit} onClose={onClose}>
      <Text size="sm">
        {invoice.number
          ? `${invoice.number} keeps its number, so the sequence has no gap, and stops counting towards what ${invoice.clientName} owes. This cannot be undone.`
          : `The ${invoice.status === 'held' ? 'held invoice' : 'draft'} stops counting; a later batch for ${invoice.period} may make this month’s invoice again.`}
      </Text>
      <Textarea
        label="Reason"
        withAsterisk
        placeholder="e.g. Billed to the wrong client"
        autosize
        minRows={2}
        data-autofocus
        {...form.getInputProps('reason')}
      />
      <ErrorAlert title="Not void" error={voidCall.error} />
    </FormModal>
  );
}
