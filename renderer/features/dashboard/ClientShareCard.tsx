import { Card, Progress, Stack, Text } from '@mantine/core';
import type { DashboardSummary } from '../../../electron/contract/dashboard';
import { countText, percentOf } from './dashboard-format';
import { TileRow } from './DashboardTile';

/** Who holds the fleet: the largest clients by miners, the rest summed, and the miners of no client. */
export function ClientShareCard({ clients, totalMiners }: { clients: DashboardSummary['clients']; totalMiners: number }) {
  const bar = (miners: number) => <Progress size={4} value={percentOf(miners, totalMiners)} color="orange" mt={2} aria-hidden />;
  return (
    <Card withBorder radius="md" padding="md" h="100%" component="section" aria-label="Miners per client">
      <Text fw={600}>Miners per client</Text>
      <Text size="xs" c="dimmed" mb="sm">
        The largest holders of the {countText(totalMiners, 'miner')}
      </Text>
      <Stack gap={4}>
        {clients.top.map((client) => (
          <div key={client.clientId}>
            <TileRow to={`/miners?client=${client.clientId}`} label={client.name} figure={client.miners.toLocaleString('en-US')} />
            {bar(client.miners)}
          </div>
        ))}
        {clients.others.clients > 0 && (
          <div>
            <TileRow to="/clients" label={`${countText(clients.others.clients, 'other client')}`} figure={clients.others.miners.toLocaleString('en-US')} />
            {bar(clients.others.miners)}
          </div>
        )}
        {clients.unassigned > 0 && (
          <div>
            <TileRow to="/miners?client=none" label="No client (stock)" figure={clients.unassigned.toLocaleString('en-US')} />
            {bar(clients.unassigned)}
          </div>
        )}
        {clients.top.length === 0 && clients.unassigned === 0 && (
          <Text size="sm" c="dimmed">
            No miners yet.
          </Text>
        )}
      </Stack>
    </Card>
  );
}
