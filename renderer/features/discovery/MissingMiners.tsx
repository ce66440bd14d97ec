import { Badge, Card, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import type { MissingMiner } from '../../../electron/contract/discovery';
import type { MinerLiveStatus } from '../../../electron/contract/miners';
import { liveStatusLabels, noValue } from '../miners/miner-format';

/** What updating the inventory does to the miners that did not answer: those already offline stay as they are. */
function offlineText({ missing, markOffline }: { missing: MissingMiner[]; markOffline: boolean }): string {
  if (!markOffline) return 'Updating the inventory leaves them as they are.';
  const already = missing.filter((miner) => miner.liveStatus === 'offline').length;
  if (already === missing.length) return 'They are all offline already.';
  if (already === 0) return `Updating the inventory marks ${missing.length === 1 ? 'it' : `all ${missing.length}`} offline.`;
  return `${already} of them ${already === 1 ? 'is' : 'are'} offline already; updating the inventory marks the other ${missing.length - already} offline.`;
}

/** Known miners inside the scanned ranges that did not answer, with the choice to mark them offline. */
export function MissingMiners(props: { missing: MissingMiner[]; markOffline: boolean; onMarkOffline: (on: boolean) => void }) {
  const { missing } = props;
  if (!missing.length) return null;
  return (
    <Card withBorder radius="md" padding="md" aria-label="Known miners that did not answer" role="region">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={700}>
            Known miners that did not answer{' '}
            <Badge color="orange" variant="light" ml={4}>
              {missing.length}
            </Badge>
          </Text>
          <Checkbox label="Mark them offline" checked={props.markOffline} onChange={(event) => props.onMarkOffline(event.currentTarget.checked)} />
        </Group>
        <Text size="sm" c="dimmed">
          Their addresses are inside the scanned ranges, but nothing answered there and no finding was recognised as them. {offlineText(props)}
        </Text>
        <Table.ScrollContainer minWidth={480} mah={220}>
          <Table verticalSpacing={4} fz="sm" aria-label="Missing miners">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Asset ID</Table.Th>
                <Table.Th>IP</Table.Th>
                <Table.Th>Status now</Table.Th>
                <Table.Th>Client</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {missing.map((miner) => (
                <Table.Tr key={miner.id}>
                  <Table.Td fw={600}>{miner.assetId}</Table.Td>
                  <Table.Td ff="monospace">{miner.ip}</Table.Td>
                  <Table.Td>{liveStatusLabels[miner.liveStatus as MinerLiveStatus] ?? miner.liveStatus}</Table.Td>
                  <Table.Td>{miner.clientName ?? noValue}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
}
