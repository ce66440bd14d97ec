import { Paper, Table } from '@mantine/core';
import type { InvoiceTotals as Totals } from '../../../electron/contract/invoices';
import { moneyText, plural } from '../contracts/contract-format';
import { amountCell } from './invoice-format';

/** What the listed invoices come to, one row per currency (void ones count nothing; credit notes count negative). */
export function InvoiceTotals({ totals, label = 'Totals of the listed invoices' }: { totals: Totals[]; label?: string }) {
  if (!totals.length) return null;
  return (
    <Paper withBorder radius="md" px="md" py={4}>
      <Table verticalSpacing={6} aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Totals</Table.Th>
            {['Subtotal', 'Tax', 'Total', 'Paid', 'Owed'].map((heading) => (
              <Table.Th key={heading} ta="right" w={150}>
                {heading}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {totals.map((t) => (
            <Table.Tr key={t.currency}>
              <Table.Td fw={600}>
                {t.currency} · {plural(t.count, 'document')}
              </Table.Td>
              {[t.subtotal, t.tax, t.total, t.paid, t.due].map((amount, index) => (
                <Table.Td key={index} {...amountCell} fw={index === 2 || index === 4 ? 700 : undefined}>
                  {moneyText(amount, t.currency)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
