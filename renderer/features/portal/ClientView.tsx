import { AppShell, Badge, Center, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { clientStatusLabels, type CurrencyBalance } from '../../../electron/contract/clients';
import { formatMoney } from '../../../electron/contract/money';
import type { PortalOverview } from '../../../electron/contract/portal';
import { useQueryCall } from '../../api/useCall';
import { AppHeader } from '../../components/AppHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { mainContentId, SkipLink } from '../../components/SkipLink';
import { StatCard } from '../../components/StatCard';
import { ClientContracts } from './ClientContracts';
import { ClientInvoices } from './ClientInvoices';
import { ClientMiners } from './ClientMiners';

/** "1,250.00 USD owed", "80.00 EUR in credit", or "Nothing owed": one balance per currency. */
function balanceText(balances: CurrencyBalance[], currency: string): string {
  if (balances.length === 0) return `${formatMoney(0, currency)} — nothing owed`;
  return balances.map((b) => `${formatMoney(Math.abs(b.balanceMinor), b.currency)} ${b.balanceMinor < 0 ? 'in credit' : 'owed'}`).join(' · ');
}

function Overview({ overview }: { overview: PortalOverview }) {
  const { miners } = overview;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
      <StatCard label="Balance" value={balanceText(overview.balances, overview.client.currency)} />
      <StatCard label="Miners" value={miners.total.toLocaleString('en-US')} />
      <StatCard label="Online" value={(miners.byStatus.online ?? 0).toLocaleString('en-US')} />
      <StatCard label="Offline or warning" value={((miners.byStatus.offline ?? 0) + (miners.byStatus.warning ?? 0)).toLocaleString('en-US')} />
    </SimpleGrid>
  );
}

/**
 * What a client's own viewer sees after signing in, instead of the facility's app: their client's balance,
 * contracts, miners and invoices, read only. Nothing here calls a procedure of the facility's.
 */
export function ClientView() {
  const overview = useQueryCall('portal.overview', {}, { staleTime: 30_000 });
  return (
    <AppShell header={{ height: 56 }} padding="lg">
      <SkipLink />
      <AppHeader subtitle="Client view" />
      <AppShell.Main id={mainContentId} tabIndex={-1} style={{ outline: 'none' }}>
        {overview.error && <ErrorAlert title="Could not load your account" error={overview.error.apiError} />}
        {!overview.data && !overview.error && (
          <Center py="xl">
            <Loader aria-label="Loading" />
          </Center>
        )}
        {overview.data && (
          <Stack gap="lg" maw={1200}>
            <Group gap="sm" align="center">
              <Title order={1}>{overview.data.client.name}</Title>
              <Badge variant="light" size="lg">
                {clientStatusLabels[overview.data.client.status]}
              </Badge>
            </Group>
            <Text c="dimmed" size="sm">
              Your miners, contracts and invoices at the facility, as of now. Read only: ask the facility to change anything.
            </Text>
            <Overview overview={overview.data} />
            <ClientContracts contracts={overview.data.contracts} timeZone={overview.data.timeZone} />
            <ClientInvoices timeZone={overview.data.timeZone} />
            <ClientMiners timeZone={overview.data.timeZone} />
          </Stack>
        )}
      </AppShell.Main>
    </AppShell>
  );
}
