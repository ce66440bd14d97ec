import { Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { InvoiceTotals as Totals } from '../../../electron/contract/invoices';
import { moneyText, plural } from '../contracts/contract-format';

function Figure({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size={strong ? 'lg' : 'md'} fw={strong ? 700 : 500} ff="monospace">
        {value}
      </Text>
    </Stack>
  );
}

/** What the listed invoices come to, one card per currency (void ones count nothing; credit notes count negative). */
export function InvoiceTotals({ totals, label = 'Totals of the listed invoices' }: { totals: Totals[]; label?: string }) {
  if (!totals.length) return null;
  return (
    <SimpleGrid cols={{ base: 1, md: Math.min(totals.length, 2) }} role="region" aria-label={label}>
      {totals.map((t) => (
        <Card key={t.currency} withBorder radius="md" padding="md" aria-label={`Totals in ${t.currency}`}>
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="lg">
            <Figure label={`${t.currency} · ${plural(t.count, 'document')}`} value={moneyText(t.total, t.currency)} strong />
            <Figure label="Subtotal" value={moneyText(t.subtotal, t.currency)} />
            <Figure label="Tax" value={moneyText(t.tax, t.currency)} />
            <Figure label="Paid" value={moneyText(t.paid, t.currency)} />
            <Figure label="Owed" value={moneyText(t.due, t.currency)} strong />
          </Group>
        </Card>
      ))}
    </SimpleGrid>
  );
}
