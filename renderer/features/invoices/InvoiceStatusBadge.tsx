import { Badge } from '@mantine/core';
import { invoiceStatusLabels, type InvoiceStatus } from '../../../electron/contract/invoices.vocab';
import { invoiceStatusColors } from './invoice-format';

export function InvoiceStatusBadge({ status, size }: { status: InvoiceStatus; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge
      color={invoiceStatusColors[status]}
      size={size}
      variant={status === 'void' ? 'outline' : 'light'}
      styles={{ root: { overflow: 'visible', maxWidth: 'none' }, label: { overflow: 'visible' } }}
    >
      {invoiceStatusLabels[status]}
    </Badge>
  );
}
