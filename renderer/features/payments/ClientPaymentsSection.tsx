import { Button, Center, Group, Loader, Menu, ActionIcon, Paper, SimpleGrid, Table, Text } from '@mantine/core';
import { IconCash, IconDots } from '@tabler/icons-react';
import { useState } from 'react';
import type { ClientBalance, Payment } from '../../../electron/contract/payments';
import { paymentMethodLabels } from '../../../electron/contract/payments.vocab';
import { useQueryCall } from '../../api/useCall';
import { noWrap } from '../../components/RecordsTable';
import { SectionHeader } from '../../components/SectionHeader';
import { useDates } from '../../components/useDates';
import { moneyText } from '../contracts/contract-format';
import { amountCell, isZeroAmount } from '../invoices/invoice-format';
import { AllocatePaymentDialog } from './AllocatePaymentDialog';
import { RefundDialog } from './RefundDialog';
import { useRecordPayment } from './useRecordPayment';
import { Permitted, PermittedMenuItem } from '../../components/Permitted';

/** Per currency: owed, credit and the balance, as Fleio's client overview shows them. */
export function BalanceCards({ balances }: { balances: ClientBalance[] }) {
  if (!balances.length) return <Text c="dimmed">Nothing owed and no credit.</Text>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
      {balances.flatMap((b) =>
        [
          { label: 'Owed on invoices', value: b.owed, color: isZeroAmount(b.owed) ? undefined : 'red' },
          { label: 'Credit', value: b.credit, color: isZeroAmount(b.credit) ? undefined : 'green' },
          { label: 'Balance', value: b.balance, color: b.balance.startsWith('-') ? 'green' : isZeroAmount(b.balance) ? undefined : 'red' },
        ].map((card) => (
          <Paper key={`${b.currency}-${card.label}`} withBorder p="sm" radius="md" role="region" aria-label={`${card.label} (${b.currency})`}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {card.label} · {b.currency}
            </Text>
            <Text size="xl" fw={700} c={card.color} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {moneyText(card.value, b.currency)}
            </Text>
          </Paper>
        )),
      )}
    </SimpleGrid>
  );
}

function PaymentsTable({ rows, onAllocate, onRefund }: { rows: Payment[]; onAllocate: (p: Payment) => void; onRefund: (p: Payment) => void }) {
  const { date } = useDates();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" aria-label="Client payments">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={110}>Received</Table.Th>
            <Table.Th w={80}>Payment</Table.Th>
            <Table.Th>Method and reference</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
            <Table.Th ta="right">Fee</Table.Th>
            <Table.Th>Pays</Table.Th>
            <Table.Th ta="right">Credit left</Table.Th>
            <Table.Th w={48} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td style={noWrap}>{date(p.receivedOn)}</Table.Td>
              <Table.Td>#{p.id}</Table.Td>
              <Table.Td>
                <Text size="sm">
                  {paymentMethodLabels[p.method]}
                  {p.reference ? ` · ${p.reference}` : ''}
                </Text>
                {!isZeroAmount(p.refunded) && (
                  <Text size="xs" c="orange">
                    Refunded {moneyText(p.refunded, p.currency)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td {...amountCell}>{moneyText(p.amount, p.currency)}</Table.Td>
              <Table.Td {...amountCell}>{isZeroAmount(p.fee) ? '—' : moneyText(p.fee, p.currency)}</Table.Td>
              <Table.Td>
                <Text size="sm">
                  {p.allocations.length
                    ? p.allocations.map((a) => `${a.invoiceNumber ?? `#${a.invoiceId}`} (${moneyText(a.amount, p.currency)})`).join(', ')
                    : '—'}
                </Text>
              </Table.Td>
              <Table.Td {...amountCell} c={isZeroAmount(p.unallocated) ? undefined : 'green'}>
                {moneyText(p.unallocated, p.currency)}
              </Table.Td>
              <Table.Td>
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <ActionIcon variant="subtle" color="gray" aria-label={`Actions for payment #${p.id}`}>
                      <IconDots size={16} />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <PermittedMenuItem procedure="payments.allocate" onClick={() => onAllocate(p)}>
                      Allocate to invoices
                    </PermittedMenuItem>
                    <PermittedMenuItem procedure="payments.refund" onClick={() => onRefund(p)} disabled={isZeroAmount(p.unallocated)}>
                      Refund
                    </PermittedMenuItem>
                  </Menu.Dropdown>
                </Menu>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The client's balance and payments: record one, allocate it by hand, refund from its credit. */
export function ClientPaymentsSection({ clientId }: { clientId: number }) {
  const client = useQueryCall('clients.get', { id: clientId });
  const payments = useQueryCall('payments.list', { clientId });
  const journal = useQueryCall('clients.journal', { clientId });
  const record = useRecordPayment(client.data ? { id: clientId, name: client.data.name, currency: client.data.effectiveCurrency } : null);
  const [open, setOpen] = useState<{ kind: 'allocate' | 'refund'; payment: Payment } | null>(null);
  return (
    <>
      <SectionHeader
        title="Payments and balance"
        description="Money received from this client. Payments pay the oldest invoices first unless allocated by hand; what is left is credit, applied to the next invoice issued."
        action={
          <Permitted procedure="payments.record">
            <Button leftSection={<IconCash size={16} />} onClick={() => record.open()} disabled={!client.data || client.data.archivedAt !== null}>
              Record payment
            </Button>
          </Permitted>
        }
      />
      {journal.data && <BalanceCards balances={journal.data.balances} />}
      {!payments.data ? (
        <Center py="lg">{payments.isError ? <Text>The payments could not be loaded.</Text> : <Loader aria-label="Loading payments" />}</Center>
      ) : payments.data.length === 0 ? (
        <Group justify="center" py="md">
          <Text c="dimmed" size="sm">
            No payments recorded yet.
          </Text>
        </Group>
      ) : (
        <PaymentsTable
          rows={payments.data}
          onAllocate={(payment) => setOpen({ kind: 'allocate', payment })}
          onRefund={(payment) => setOpen({ kind: 'refund', payment })}
        />
      )}
      {record.dialogs}
      {open?.kind === 'allocate' && <AllocatePaymentDialog payment={open.payment} onClose={() => setOpen(null)} />}
      {open?.kind === 'refund' && <RefundDialog payment={open.payment} onClose={() => setOpen(null)} />}
    </>
  );
}
