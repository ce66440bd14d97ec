import { Anchor, Badge, Center, Loader, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { JournalEntry } from '../../../electron/contract/payments';
import { useQueryCall } from '../../api/useCall';
import { noWrap } from '../../components/RecordsTable';
import { SectionHeader } from '../../components/SectionHeader';
import { useDates } from '../../components/useDates';
import { moneyText } from '../contracts/contract-format';
import { amountCell } from '../invoices/invoice-format';
import { journalKindColors, journalKindLabels } from './payment-format';

/** A source or destination naming an invoice links to it. */
function Party({ text, entry, invoiceSide }: { text: string; entry: JournalEntry; invoiceSide: boolean }) {
  if (!invoiceSide || entry.invoiceId === null) return <Text size="sm">{text}</Text>;
  return (
    <Anchor component={Link} to={`/invoices/${entry.invoiceId}`} size="sm">
      {text}
    </Anchor>
  );
}

/**
 * The client's journal (Fleio's): every movement of money, newest first, from its source to its destination,
 * and the balance after it (owed less credit; negative when the client is in credit).
 */
export function ClientJournalSection({ clientId }: { clientId: number }) {
  const journal = useQueryCall('clients.journal', { clientId });
  const { date } = useDates();
  const entries = [...(journal.data?.entries ?? [])].reverse();
  return (
    <>
      <SectionHeader
        title="Journal"
        description="Invoices and refunds raise the balance; payments, credit notes and voids lower it; allocations move money from a payment or credit to an invoice."
      />
      {!journal.data ? (
        <Center py="lg">{journal.isError ? <Text>The journal could not be loaded.</Text> : <Loader aria-label="Loading the journal" />}</Center>
      ) : entries.length === 0 ? (
        <Text c="dimmed" size="sm">
          Nothing in the journal yet: it starts with the first issued invoice or payment.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={860} mah={520}>
          <Table verticalSpacing={6} stickyHeader aria-label="Client journal">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110}>Date</Table.Th>
                <Table.Th w={150}>Entry</Table.Th>
                <Table.Th>Source</Table.Th>
                <Table.Th>Destination</Table.Th>
                <Table.Th ta="right">Amount</Table.Th>
                <Table.Th ta="right">Balance</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e, i) => {
                const moves = e.kind !== 'allocation' && e.kind !== 'credit_carried' && e.kind !== 'release';
                return (
                  <Table.Tr key={i}>
                    <Table.Td style={noWrap}>{date(e.date)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={journalKindColors[e.kind]} size="sm">
                        {journalKindLabels[e.kind]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Party text={e.source} entry={e} invoiceSide={e.kind === 'invoice' || e.kind === 'credit_note' || e.kind === 'release'} />
                    </Table.Td>
                    <Table.Td>
                      <Party text={e.destination} entry={e} invoiceSide={e.kind === 'allocation' || e.kind === 'credit_carried'} />
                    </Table.Td>
                    <Table.Td {...amountCell} c={moves ? undefined : 'dimmed'}>
                      {moneyText(e.amount, e.currency)}
                    </Table.Td>
                    <Table.Td {...amountCell} fw={600} c={e.balance.startsWith('-') ? 'green' : undefined}>
                      {moneyText(e.balance, e.currency)}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
