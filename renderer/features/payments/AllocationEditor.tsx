import { Button, Group, Table, Text, TextInput } from '@mantine/core';
import type { InvoiceSummary } from '../../../electron/contract/invoices';
import { formatMoney } from '../../../electron/contract/money';
import { noWrap } from '../../components/RecordsTable';
import { useDates } from '../../components/useDates';
import { amountCell, invoiceName } from '../invoices/invoice-format';
import { InvoiceStatusBadge } from '../invoices/InvoiceStatusBadge';
import { minorOf, oldestFirst, textOf } from './payment-format';

/** An invoice a payment may pay, and the most it may pay on it (what it owes, plus what this payment pays there now). */
export type AllocationRow = { invoice: InvoiceSummary; mostMinor: number };

/**
 * What a payment pays on each invoice, typed per row, with the sum against what the payment has. "Oldest
 * first" fills the rows as the server would. Amounts stay text until saved; the server checks them again.
 */
export function AllocationEditor(props: {
  currency: string;
  rows: AllocationRow[];
  values: Record<number, string>;
  availableMinor: number | null;
  onChange: (values: Record<number, string>) => void;
}) {
  const { currency, rows, values, availableMinor, onChange } = props;
  const { date } = useDates();
  const money = (minor: number) => formatMoney(minor, currency);
  const amounts = rows.map((row) => minorOf(values[row.invoice.id] ?? '', currency));
  const sum = amounts.every((a) => a !== null) ? amounts.reduce<number>((total, a) => total + (a ?? 0), 0) : null;
  const over = sum !== null && availableMinor !== null && sum > availableMinor;

  const fillOldest = () => {
    const shares = oldestFirst(
      availableMinor ?? 0,
      rows.map((row) => ({ invoiceId: row.invoice.id, mostMinor: row.mostMinor })),
    );
    onChange(Object.fromEntries(rows.map((row) => [row.invoice.id, shares[row.invoice.id] ? textOf(shares[row.invoice.id], currency) : ''])));
  };

  if (!rows.length) {
    return (
      <Text size="sm" c="dimmed">
        No issued invoice in {currency} waits for money: the whole payment is kept as credit for the next invoice.
      </Text>
    );
  }
  return (
    <>
      <Table verticalSpacing={4} aria-label="Allocation to invoices">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Invoice</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">May take</Table.Th>
            <Table.Th w={130} ta="right">
              Pay
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => (
            <Table.Tr key={row.invoice.id}>
              <Table.Td style={noWrap}>
                <Text size="sm" fw={600}>
                  {invoiceName(row.invoice)}
                </Text>
              </Table.Td>
              <Table.Td style={noWrap}>
                <Text size="sm">{date(row.invoice.dueDate)}</Text>
              </Table.Td>
              <Table.Td>
                <InvoiceStatusBadge status={row.invoice.status} size="sm" />
              </Table.Td>
              <Table.Td {...amountCell}>
                <Text size="sm">{money(row.mostMinor)}</Text>
              </Table.Td>
              <Table.Td>
                <TextInput
                  size="xs"
                  aria-label={`Pay on ${invoiceName(row.invoice)}`}
                  placeholder="0.00"
                  value={values[row.invoice.id] ?? ''}
                  error={amounts[index] === null ? 'Not an amount' : (amounts[index] ?? 0) > row.mostMinor ? 'More than it may take' : undefined}
                  styles={{ input: { textAlign: 'right' } }}
                  onChange={(e) => onChange({ ...values, [row.invoice.id]: e.currentTarget.value })}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between">
        <Text size="sm" c={over ? 'red' : 'dimmed'} role={over ? 'alert' : undefined}>
          {sum === null
            ? 'An amount is not a number like 12.50.'
            : availableMinor === null
              ? `Allocated: ${money(sum)}.`
              : over
                ? `Allocated ${money(sum)}: more than the ${money(availableMinor)} the payment has.`
                : `Allocated ${money(sum)} of ${money(availableMinor)}; ${money(availableMinor - sum)} stays as credit.`}
        </Text>
        <Button size="xs" variant="default" onClick={fillOldest} disabled={availableMinor === null}>
          Oldest first
        </Button>
      </Group>
    </>
  );
}
