import { Anchor, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { Link } from 'react-router';
import type { InvoiceDetail, InvoiceLine } from '../../../../electron/contract/invoices';
import { noWrap } from '../../../components/RecordsTable';
import { moneyText, rateText } from '../../contracts/contract-format';
import { lineMethodLabels } from '../invoice-format';

/** What a line bills: the miner, or the contract as a whole (its fee, its meters, its hashrate). */
export const lineSubject = (line: Pick<InvoiceLine, 'minerId' | 'minerLabel'>) =>
  line.minerLabel ?? (line.minerId ? `Miner #${line.minerId}` : 'Whole contract');

const grouping = new Intl.NumberFormat('en-US');

/** "12345.678" → "12,345.678": the whole part grouped, the decimals as billed (no float). */
export function quantityText(quantity: string): string {
  const [whole, fraction] = quantity.split('.');
  const negative = whole.startsWith('-');
  const digits = negative ? whole.slice(1) : whole;
  const grouped = /^\d+$/.test(digits) ? grouping.format(BigInt(digits)) : digits;
  return `${negative ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** The lines as billed, each with the engine's explanation of what was measured, interpolated or assumed. */
export function InvoiceLinesTable({ invoice }: { invoice: InvoiceDetail }) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing={6} aria-label="Invoice lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>#</Table.Th>
            <Table.Th>Miner or group</Table.Th>
            <Table.Th w={120}>Method</Table.Th>
            <Table.Th w={170} ta="right">
              Quantity
            </Table.Th>
            <Table.Th w={170} ta="right">
              Unit price
            </Table.Th>
            <Table.Th w={130} ta="right">
              Amount
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invoice.lines.map((line) => (
            <Fragment key={line.position}>
              <Table.Tr style={{ borderBottom: 'none' }}>
                <Table.Td c="dimmed">{line.position}</Table.Td>
                <Table.Td fw={600}>
                  {line.minerId ? (
                    <Anchor component={Link} to={`/miners?miner=${line.minerId}`} size="sm" fw={600}>
                      {lineSubject(line)}
                    </Anchor>
                  ) : (
                    <Text size="sm" fw={600}>
                      {lineSubject(line)} · {line.contractNumber}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{lineMethodLabels[line.method]}</Table.Td>
                <Table.Td ta="right" ff="monospace" style={noWrap}>
                  {quantityText(line.quantity)} {line.unit}
                </Table.Td>
                <Table.Td ta="right" ff="monospace" style={noWrap}>
                  {rateText(line.rate, invoice.currency, line.unit)}
                </Table.Td>
                <Table.Td ta="right" ff="monospace" fw={600} style={noWrap}>
                  {moneyText(line.amount, invoice.currency)}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td />
                <Table.Td colSpan={5} pt={0}>
                  <Text size="xs" c="dimmed">
                    {line.explanation}
                  </Text>
                </Table.Td>
              </Table.Tr>
            </Fragment>
          ))}
          {invoice.lines.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={6}>
                <Text c="dimmed" ta="center" py="md">
                  No lines: nothing was under contract in this month.
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
