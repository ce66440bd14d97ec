import { Anchor, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { MinerDetail } from '../../../../electron/contract/miners.list';
import { hashrateText, minerStateLabels, noValue, powerText } from '../miner-format';
import { PaidIcon } from '../PaidIcon';
import { MinerOutletText } from '../../power/MinerOutletText';
import { useDates } from '../../../components/useDates';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {typeof children === 'string' || children === null ? <Text size="sm">{children || noValue}</Text> : children}
    </Stack>
  );
}

/** Every field of the miner, grouped as a technician reads them: identity, place, client, notes. */
export function MinerOverview({ miner }: { miner: MinerDetail }) {
  const { dateTime } = useDates(miner.siteId);
  return (
    <Stack gap="lg">
      <SimpleGrid cols={3} spacing="md" verticalSpacing="sm">
        <Field label="Asset ID">{miner.assetId}</Field>
        <Field label="Serial">{miner.serial}</Field>
        <Field label="MAC">{miner.mac}</Field>
        <Field label="IP">{miner.ip}</Field>
        <Field label="Hostname">{miner.hostname}</Field>
        <Field label="Make and model">{`${miner.make} ${miner.model}`.trim()}</Field>
        <Field label="Firmware">{miner.firmware}</Field>
        <Field label="Worker">{miner.workerName}</Field>
        <Field label="Last seen">{miner.lastSeenAt ? dateTime(miner.lastSeenAt) : 'Never answered a poll'}</Field>
        <Field label="Hashrate live/nominal">{hashrateText(miner)}</Field>
        <Field label="Power live/nominal">{powerText(miner)}</Field>
        <Field label="State">{minerStateLabels[miner.state]}</Field>
      </SimpleGrid>
      <SimpleGrid cols={3} spacing="md" verticalSpacing="sm">
        <Field label="Site">{miner.siteName}</Field>
        <Field label="Room">{miner.roomName}</Field>
        <Field label="Rack and position">{miner.rackName ? `${miner.rackName}${miner.rackPosition ? ` #${miner.rackPosition}` : ''}` : null}</Field>
        <Field label="PDU outlet">
          <MinerOutletText minerId={miner.id} />
        </Field>
        <Field label="Client">
          <Group gap={6} wrap="nowrap">
            <PaidIcon paid={miner.paid} />
            {miner.client ? (
              <Anchor component={Link} to={`/clients/${miner.client.id}`} size="sm">
                {miner.client.name}
              </Anchor>
            ) : (
              <Text size="sm">No client</Text>
            )}
          </Group>
        </Field>
        <Field label="Payment">{miner.paid ? 'Paid' : 'Unpaid'}</Field>
        <Field label="Added">{dateTime(miner.createdAt)}</Field>
      </SimpleGrid>
      <Field label="Tags">
        {miner.tags.length ? (
          <Group gap={4}>
            {miner.tags.map((tag) => (
              <Badge key={tag} size="sm" variant="light" color="gray" style={{ textTransform: 'none' }}>
                {tag}
              </Badge>
            ))}
          </Group>
        ) : null}
      </Field>
      <Field label="Notes">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={miner.notes ? undefined : 'dimmed'}>
          {miner.notes || 'No notes.'}
        </Text>
      </Field>
    </Stack>
  );
}
