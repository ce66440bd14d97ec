import { Alert, Anchor, Badge, Group, List, Skeleton, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { DeviceActionPreview } from '../../../electron/contract/devices';

const n = (count: number) => count.toLocaleString('en-US');
const miners = (count: number) => `${n(count)} miner${count === 1 ? '' : 's'}`;

/** The confirmation's facts: per family whether the action works there, and which miners are left out and why. */
export function DevicePreview({ preview }: { preview: DeviceActionPreview | undefined }) {
  if (!preview) return <Skeleton h={120} />;
  const notes: string[] = [];
  if (preview.alreadyDone > 0) {
    notes.push(
      preview.kind === 'pool_restore'
        ? `${miners(preview.alreadyDone)} not on the holding pool: skipped.`
        : preview.kind === 'set_pools'
          ? `${miners(preview.alreadyDone)} on the holding pool: skipped (restore their pools first).`
          : `${miners(preview.alreadyDone)} already on the holding pool: skipped.`,
    );
  }
  if (preview.withoutAddress > 0) notes.push(`${miners(preview.withoutAddress)} without an IP address: skipped.`);
  if (preview.unknownFamily > 0) notes.push(`${miners(preview.unknownFamily)} of a family not known yet (scan or poll them first): skipped.`);
  const unsupported = preview.families.filter((f) => !f.supported).reduce((sum, f) => sum + f.count, 0);
  if (unsupported > 0) notes.push(`${miners(unsupported)} of a family that does not support this: reported, not contacted.`);
  return (
    <>
      {preview.families.length > 0 ? (
        <Table withTableBorder aria-label="Miners per family" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Family</Table.Th>
              <Table.Th ta="right">Miners</Table.Th>
              <Table.Th>This action</Table.Th>
              <Table.Th>Login</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.families.map((f) => (
              <Table.Tr key={f.family}>
                <Table.Td>{f.label}</Table.Td>
                <Table.Td ta="right">{n(f.count)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={f.supported ? 'green' : 'gray'}>
                    {f.supported ? 'Supported' : 'Not supported'}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={f.missingCredentials > 0 ? 'orange' : 'dimmed'}>
                    {!f.supported ? '—' : f.missingCredentials > 0 ? `${n(f.missingCredentials)} with the factory login` : 'Stored login'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" c="dimmed">
          None of the {miners(preview.total)} can be reached for this action.
        </Text>
      )}
      {notes.length > 0 && (
        <List size="sm" spacing={2} aria-label="Left out">
          {notes.map((note) => (
            <List.Item key={note}>{note}</List.Item>
          ))}
        </List>
      )}
      {preview.missingCredentials > 0 && (
        <Text size="xs" c="dimmed">
          No login is stored for {miners(preview.missingCredentials)}: the firmware&apos;s factory login is tried.{' '}
          <Anchor component={Link} to="/settings?tab=access" size="xs">
            Miner access settings
          </Anchor>
        </Text>
      )}
      {preview.kind === 'pool_redirect' && !preview.holdingPoolSet && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} title="No holding pool yet">
          <Group gap={4}>
            <Text size="sm">Set the facility&apos;s holding pool first, in</Text>
            <Anchor component={Link} to="/settings?tab=access" size="sm">
              Settings › Miner access
            </Anchor>
          </Group>
        </Alert>
      )}
    </>
  );
}

/** How many miners the action will contact (or report as unsupported): the rest are skipped up front. */
export const actionableCount = (preview: DeviceActionPreview) => preview.families.reduce((sum, f) => sum + f.count, 0);
