import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import type { InvoiceSummary } from '../../../electron/contract/invoices';
import { noWrap } from '../../components/RecordsTable';
import { useDates } from '../../components/useDates';
import { moneyText, noValue } from '../contracts/contract-format';
import { amountCell, invoiceName, isZeroAmount, monthText } from './invoice-format';
import { InvoiceStatusBadge } from './InvoiceStatusBadge';

/** Whether a row has an amount owed (or credited) to show: issued documents only; a settled one shows "—". */
const owes = (row: InvoiceSummary) => !isZeroAmount(row.amountDue);

/** Invoices and credit notes; a row opens the invoice. `withClient` false on a client's own tab, `withContract` false on a contract's. */
export function InvoicesTable({
  rows,
  withClient = true,
  withContract = true,
  label = 'Invoices',
}: {
  rows: InvoiceSummary[];
  withClient?: boolean;
  withContract?: boolean;
  label?: string;
}) {
  const navigate = useNavigate();
  const { date } = useDates();
  return (
    <Table.ScrollContainer minWidth={withClient ? 960 : 820}>
      <Table highlightOnHover verticalSpacing="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Number</Table.Th>
            {withClient && <Table.Th>Client</Table.Th>}
            {withContract && <Table.Th>Contract</Table.Th>}
            <Table.Th>Period</Table.Th>
            <Table.Th>Issued, due</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Total</Table.Th>
            <Table.Th ta="right">Owed</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id} onClick={() => navigate(`/invoices/${row.id}`)} style={{ cursor: 'pointer' }}>
              <Table.Td style={noWrap}>
                <Group gap={6} wrap="nowrap">
                  <Anchor component={Link} to={`/invoices/${row.id}`} fw={600} size="sm" onClick={(e) => e.stopPropagation()}>
                    {invoiceName(row)}
                  </Anchor>
                  {row.kind === 'credit_note' && (
                    <Badge size="xs" variant="outline" color="grape">
                      Credit
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              {withClient && (
                <Table.Td style={noWrap}>
                  <Anchor component={Link} to={`/clients/${row.clientId}/financials`} size="sm" onClick={(e) => e.stopPropagation()}>
                    {row.clientName}
                  </Anchor>
                </Table.Td>
              )}
              {withContract && (
                <Table.Td style={noWrap}>
                  <Text size="sm">{row.contractNumber}</Text>
                </Table.Td>
              )}
              <Table.Td style={noWrap}>{monthText(row.period, 'short')}</Table.Td>
              <Table.Td style={noWrap}>
                <Text size="sm">{date(row.issueDate)}</Text>
                {row.dueDate && (
                  <Text size="xs" c="dimmed">
                    due {date(row.dueDate)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <InvoiceStatusBadge status={row.status} />
              </Table.Td>
              <Table.Td {...amountCell}>{moneyText(row.total, row.currency)}</Table.Td>
              <Table.Td {...amountCell} c={owes(row) ? undefined : 'dimmed'}>
                {owes(row) ? moneyText(row.amountDue, row.currency) : noValue}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
