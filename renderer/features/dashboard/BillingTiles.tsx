import { Stack, Text } from '@mantine/core';
import { IconCash, IconReceipt } from '@tabler/icons-react';
import type { DashboardMoney, DashboardSummary } from '../../../electron/contract/dashboard';
import { formatMoney } from '../../../electron/contract/money';
import { monthText } from '../invoices/invoice-format';
import { countText } from './dashboard-format';
import { DashboardTile, TileRow } from './DashboardTile';

const invoiceCount = (amounts: readonly DashboardMoney[]) => amounts.reduce((sum, m) => sum + m.count, 0);

/** One line per currency, largest first. */
function Amounts({ amounts, size }: { amounts: readonly DashboardMoney[]; size: 'sm' | 'xs' }) {
  return (
    <Stack gap={0} mb={4}>
      {amounts.map((m) => (
        <Text key={m.currency} size={size} fw={600}>
          {formatMoney(m.amountMinor, m.currency)}
        </Text>
      ))}
    </Stack>
  );
}

/** Revenue of this month and the last (issued invoices less credit notes, per currency), and what is overdue. */
export function BillingTiles({ billing }: { billing: DashboardSummary['billing'] }) {
  const [first, ...others] = billing.revenue;
  const issued = invoiceCount(billing.revenue);
  const previous = invoiceCount(billing.previousRevenue);
  const overdue = invoiceCount(billing.overdue);
  return (
    <>
      <DashboardTile label="Revenue this month" icon={IconCash} color="green" value={first ? formatMoney(first.amountMinor, first.currency) : '—'}>
        <Amounts amounts={others} size="sm" />
        <TileRow to={`/invoices?period=${billing.period}`} label={monthText(billing.period)} figure={issued ? countText(issued, 'invoice') : 'none yet'} />
        <TileRow to={`/invoices?period=${billing.previousPeriod}`} label={monthText(billing.previousPeriod)} figure={countText(previous, 'invoice')} />
        <Amounts amounts={billing.previousRevenue} size="xs" />
      </DashboardTile>
      <DashboardTile
        label="Overdue invoices"
        icon={IconReceipt}
        color={overdue ? 'red' : 'gray'}
        value={overdue.toLocaleString('en-US')}
        to="/invoices?status=overdue"
      >
        {overdue ? (
          <>
            <Text size="sm" c="dimmed">
              Still owed:
            </Text>
            <Amounts amounts={billing.overdue} size="sm" />
          </>
        ) : (
          <Text size="sm" c="dimmed">
            Every issued invoice is within its terms.
          </Text>
        )}
      </DashboardTile>
    </>
  );
}
