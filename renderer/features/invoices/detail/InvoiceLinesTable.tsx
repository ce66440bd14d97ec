import { Anchor, Group, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import type { InvoiceDetail, InvoiceLine } from '../../../../electron/contract/invoices';
import { moneyText, rateText } from '../../contracts/contract-format';
import { amountCell, lineMethodLabels } from '../invoice-format';

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

const linesPerPage = 50;

/** The lines as billed, each with the engine's explanation of what was measured, interpolated or assumed; 50 to a page. */
export function InvoiceLinesTable({ invoice }: { invoice: InvoiceDetail }) {
  const [page, setPage] = useState(1);
  const pages = Math.ceil(invoice.lines.length / linesPerPage);
  const shown = invoice.lines.slice((page - 1) * linesPerPage, page * linesPerPage);
  const pager = pages > 1 && <Pagination size="sm" total={pages} value={page} onChange={setPage} aria-label="Pages of lines" />;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={4}>
          {invoice.lines.length === 1 ? '1 line' : `${invoice.lines.length} lines`}
          {pages > 1 && (
            <Text span c="dimmed" size="sm" ml="sm">
              {shown[0].position}–{shown[shown.length - 1].position} shown
            </Text>
          )}
        </Title>
        {pager}
      </Group>
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
            {shown.map((line) => (
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
                  <Table.Td {...amountCell}>
                    {quantityText(line.quantity)} {line.unit}
                  </Table.Td>
                  <Table.Td {...amountCell}>{rateText(line.rate, invoice.currency, line.unit)}</Table.Td>
                  <Table.Td {...amountCell} fw={600}>
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
      {pages > 1 && <Group justify="flex-end">{pager}</Group>}
    </Stack>
  );
}
