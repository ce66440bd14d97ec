import { Button, Group } from '@mantine/core';
import { IconDownload, IconFileTypePdf, IconReceiptRefund, IconSend, IconBan } from '@tabler/icons-react';
import type { InvoiceDetail } from '../../../../electron/contract/invoices';
import { invoke } from '../../../api/client';
import { notifyFailure } from '../../../api/useCall';
import { downloadBase64 } from '../../../components/files';
import { SendInvoiceButton } from '../../mail/SendInvoiceButton';
import { Permitted } from '../../../components/Permitted';

export type InvoiceDialog = 'issue' | 'void' | 'credit' | 'pdf';

/** What an invoice in its state allows; the server still refuses with its own sentence what it does not. */
export function invoiceActions(i: InvoiceDetail): InvoiceDialog[] {
  if (i.kind === 'credit_note' || i.status === 'void') return [];
  if (i.status === 'draft' || i.status === 'held') return ['issue', 'void'];
  const paidSome = i.status === 'paid' || i.status === 'partially_paid';
  return paidSome || i.creditNotes.length > 0 ? ['credit'] : ['credit', 'void'];
}

async function savePdf(id: number) {
  const outcome = await invoke('invoices.pdf', { id });
  if (!outcome.ok) return notifyFailure('The PDF could not be made', outcome.error);
  downloadBase64(outcome.value.base64, 'application/pdf', outcome.value.fileName);
}

export function InvoiceActions({ invoice, open }: { invoice: InvoiceDetail; open: (dialog: InvoiceDialog) => void }) {
  const allowed = invoiceActions(invoice);
  return (
    <Group gap="xs">
      {allowed.includes('issue') && (
        <Permitted procedure="invoices.issue">
          <Button leftSection={<IconSend size={16} />} onClick={() => open('issue')}>
            Issue
          </Button>
        </Permitted>
      )}
      {allowed.includes('credit') && (
        <Permitted procedure="invoices.creditNote">
          <Button variant="default" leftSection={<IconReceiptRefund size={16} />} onClick={() => open('credit')}>
            Credit note
          </Button>
        </Permitted>
      )}
      <Button variant="default" leftSection={<IconFileTypePdf size={16} />} onClick={() => open('pdf')}>
        Preview PDF
      </Button>
      <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => void savePdf(invoice.id)}>
        Save PDF
      </Button>
      <SendInvoiceButton invoice={invoice} />
      {allowed.includes('void') && (
        <Permitted procedure="invoices.void">
          <Button color="red" variant="light" leftSection={<IconBan size={16} />} onClick={() => open('void')}>
            Void
          </Button>
        </Permitted>
      )}
    </Group>
  );
}
