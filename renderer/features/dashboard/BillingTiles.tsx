import { Stack, Text } from '@mantine/core';
import { IconCash, IconReceipt } from '@tabler/icons-react';
import type { DashboardMoney, DashboardSummary } from '../../../electron/contract/dashboard';
import { formatMoney } from '../../../electron/contract/money';
import { monthText } from '../invoices/invoice-format';
import { countText } from './dashboard-format';
import { DashboardTile, TileRow } from './DashboardTile';

/** "$12,345.60 · €980.00" (largest first), or a dash when there is nothing. */
const amountsText = (amounts: readonly DashboardMoney[]) => (amounts.length ? amounts.map((m) => formatMoney(m.amountMinor, m.currency)).join(' · ') : '—');
const invoiceCount = (amounts: readonly DashboardMoney[]) => amounts.reduce((sum, m) => sum + m.count, 0);

/** Revenue of this month and the last (issued invoices less credit notes), and what is overdue. */
export function BillingTiles({ billing }: { billing: DashboardSummary['billing'] }) {
  const overdue = invoiceCount(billing.overdue);
  return (
    <>
      <DashboardTile label="Revenue this month" icon={IconCash} color="green" value={amountsText(billing.revenue)}>
        <Stack gap={0}>
          <TileRow
            to={`/invoices?period=${billing.period}`}
            label={monthText(billing.period)}
            figure={invoiceCount(billing.revenue) ? countText(invoiceCount(billing.revenue), 'invoice') : 'None issued yet'}
          />
          <TileRow to={`/invoices?period=${billing.previousPeriod}`} label={monthText(billing.previousPeriod)} figure={amountsText(billing.previousRevenue)} />
        </Stack>
      </DashboardTile>
      <DashboardTile
        label="Overdue invoices"
        icon={IconReceipt}
        color={overdue ? 'red' : 'gray'}
        value={overdue.toLocaleString('en-US')}
        to="/invoices?status=overdue"
      >
        <Text size="sm" c="dimmed">
          {overdue ? `${amountsText(billing.overdue)} still owed` : 'Every issued invoice is within its terms.'}
        </Text>
      </DashboardTile>
    </>
  );
}
