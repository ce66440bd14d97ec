import { Card, Divider, Group, Stack, Text } from '@mantine/core';
import type { InvoiceDetail } from '../../../../electron/contract/invoices';
import { moneyText } from '../../contracts/contract-format';

function Row({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <Group justify="space-between" gap="xl" wrap="nowrap">
      <Text size="sm" fw={strong ? 700 : undefined} c={strong ? undefined : 'dimmed'}>
        {label}
      </Text>
      <Text size={strong ? 'md' : 'sm'} fw={strong ? 700 : 500} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
    </Group>
  );
}

/** Subtotal, each tax on the sum of the lines it applies to, the total, and what is paid and still owed. */
export function InvoiceSums({ invoice: i }: { invoice: InvoiceDetail }) {
  const money = (amount: string) => moneyText(amount, i.currency);
  return (
    <Card withBorder radius="md" padding="md" miw={280} role="region" aria-label="Invoice totals">
      <Text fw={600} mb="sm">
        Amounts
      </Text>
      <Stack gap={6}>
        <Row label="Subtotal" value={money(i.subtotal)} />
        {i.taxes.map((tax) => (
          <Row key={tax.name} label={`${tax.name} ${tax.percent}%`} value={money(tax.amount)} />
        ))}
        {i.taxExemption && <Row label="Tax (client exempt)" value={money('0')} />}
        <Divider my={4} />
        <Row label={`Total ${i.currency}`} value={money(i.total)} strong />
        {i.kind === 'invoice' && i.status !== 'draft' && i.status !== 'held' && i.status !== 'void' && (
          <>
            <Row label={i.creditNotes.length ? 'Paid and credited' : 'Paid'} value={money(i.amountPaid)} />
            <Row label="Owed" value={money(i.amountDue)} strong />
          </>
        )}
      </Stack>
    </Card>
  );
}
