import { Badge } from '@mantine/core';
import { invoiceStatusLabels, type InvoiceStatus } from '../../../electron/contract/invoices.vocab';
import { invoiceStatusColors } from './invoice-format';

/** `labelled`: the badge names itself "Status: …" (the page header, where no column heading says what it is). */
export function InvoiceStatusBadge({ status, size, labelled = false }: { status: InvoiceStatus; size?: 'sm' | 'md' | 'lg'; labelled?: boolean }) {
  return (
    <Badge
      color={invoiceStatusColors[status]}
      size={size}
      aria-label={labelled ? `Status: ${invoiceStatusLabels[status]}` : undefined}
      variant={status === 'void' ? 'outline' : 'light'}
      styles={{ root: { overflow: 'visible', maxWidth: 'none' }, label: { overflow: 'visible' } }}
    >
      {invoiceStatusLabels[status]}
    </Badge>
  );
}
