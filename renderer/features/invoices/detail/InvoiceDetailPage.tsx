import { Alert, Anchor, Badge, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { InvoiceDetail } from '../../../../electron/contract/invoices';
import { useQueryCall } from '../../../api/useCall';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { isNotFound, isRecordId, NotFound, noRecordText, notFoundShownInPage } from '../../../components/NotFound';
import { useDates } from '../../../components/useDates';
import { moneyText } from '../../contracts/contract-format';
import { invoiceName, monthText } from '../invoice-format';
import { InvoiceStatusBadge } from '../InvoiceStatusBadge';
import { CreditNoteDialog } from './CreditNoteDialog';
import { InvoiceActions, type InvoiceDialog } from './InvoiceActions';
import { InvoiceFacts } from './InvoiceFacts';
import { InvoiceLinesTable } from './InvoiceLinesTable';
import { IssueDialog, VoidDialog } from './LifecycleDialogs';
import { PdfPreviewModal } from './PdfPreviewModal';
import { InvoicePayments } from '../../payments/InvoicePayments';

/** Why an invoice is held, void or a credit note, and its links to the other side of a credit. */
function InvoiceNotices({ invoice: i }: { invoice: InvoiceDetail }) {
  const { date } = useDates();
  return (
    <>
      {i.status === 'held' && (
        <Alert color="orange" title="Held">
          {i.heldReason ?? 'The batch held this invoice.'} A held invoice is not sent; issue it by hand once the client is back in good standing, or void it.
        </Alert>
      )}
      {i.status === 'void' && (
        <Alert color="gray" title="Void">
          {i.voidReason}
        </Alert>
      )}
      {i.credits && (
        <Alert color="grape" title="Credit note">
          Credits{' '}
          <Anchor component={Link} to={`/invoices/${i.credits.id}`} inherit>
            {i.credits.number ?? `invoice #${i.credits.id}`}
          </Anchor>
          {i.reason ? `: ${i.reason}` : '.'}
        </Alert>
      )}
      {i.creditNotes.length > 0 && (
        <Alert color="grape" title={i.creditNotes.length === 1 ? 'Credited by a credit note' : 'Credited by credit notes'}>
          <Stack gap={2}>
            {i.creditNotes.map((note) => (
              <Text key={note.id} size="sm">
                <Anchor component={Link} to={`/invoices/${note.id}`} inherit>
                  {note.number ?? `Credit note #${note.id}`}
                </Anchor>{' '}
                of {date(note.issueDate)}: {moneyText(note.total, i.currency)}
                {note.reason ? ` (${note.reason})` : ''}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
    </>
  );
}

export function InvoiceDetailPage() {
  const param = useParams().id ?? '';
  const id = Number(param);
  const invoice = useQueryCall('invoices.get', { id }, { ...notFoundShownInPage, enabled: isRecordId(id) });
  const [dialog, setDialog] = useState<InvoiceDialog | null>(null);

  if (!isRecordId(id) || isNotFound(invoice.error))
    return <NotFound title="Invoice not found" text={noRecordText('invoice', param)} back={{ label: 'Back to invoices', to: '/invoices' }} />;
  if (!invoice.data)
    return invoice.error ? (
      <ErrorAlert title="This invoice could not be loaded" error={invoice.error.apiError} />
    ) : (
      <Center py="xl">
        <Loader aria-label="Loading the invoice" />
      </Center>
    );
  const i = invoice.data;
  const name = invoiceName(i);
  const close = () => setDialog(null);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Group gap="sm">
            <Title order={2}>{name}</Title>
            <InvoiceStatusBadge status={i.status} size="lg" labelled />
            {i.kind === 'credit_note' && (
              <Badge size="lg" variant="outline" color="grape">
                Credit note
              </Badge>
            )}
          </Group>
          <Text c="dimmed" size="sm">
            <Anchor component={Link} to={`/clients/${i.clientId}/financials`} size="sm">
              {i.clientName}
            </Anchor>{' '}
            · {i.contractNumber} · {monthText(i.period)} · {moneyText(i.total, i.currency)}
          </Text>
        </Stack>
        <InvoiceActions invoice={i} open={setDialog} />
      </Group>
      <InvoiceNotices invoice={i} />
      <InvoiceFacts invoice={i} />
      <InvoicePayments invoice={i} />
      <InvoiceLinesTable invoice={i} />
      {i.notes && (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
          {i.notes}
        </Text>
      )}
      {dialog === 'issue' && <IssueDialog invoice={i} onClose={close} />}
      {dialog === 'void' && <VoidDialog invoice={i} onClose={close} />}
      {dialog === 'credit' && <CreditNoteDialog invoice={i} onClose={close} />}
      {dialog === 'pdf' && <PdfPreviewModal id={i.id} name={name} onClose={close} />}
    </Stack>
  );
}
