import { Anchor, Badge, Checkbox, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { AlertRow } from '../../../electron/contract/alerts';
import { alertKindLabels } from '../../../electron/contract/alerts.vocab';
import { useDates, type Dates } from '../../components/useDates';
import { alertKindColor, alertStatusColor, alertStatusLabel } from './alert-labels';

/** What the alert is about: the miner (opens its drawer) or the PDU or meter (the Power page). */
function Subject({ row, dates }: { row: AlertRow; dates: Dates }) {
  if (row.miner)
    return (
      <Stack gap={0}>
        <Anchor component={Link} to={`/miners?miner=${row.miner.id}`} size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
          {row.miner.assetId}
        </Anchor>
        <Text size="xs" c="dimmed">
          {row.miner.ip ?? 'no IP'}
        </Text>
        {/* "Offline for 11 minutes" says since when: the miner's last answer, or that it never answered. */}
        {row.kind === 'miner_offline' && (
          <Text size="xs" c="dimmed">
            {row.miner.lastSeenAt ? `Last answered ${dates.dateTime(row.miner.lastSeenAt)}` : 'Never answered a poll'}
          </Text>
        )}
      </Stack>
    );
  if (row.powerDevice)
    return (
      <Stack gap={0}>
        <Anchor component={Link} to={`/power?device=${row.powerDevice.id}`} size="sm" fw={600}>
          {row.powerDevice.name}
        </Anchor>
        <Text size="xs" c="dimmed">
          {row.powerDevice.kind === 'pdu' ? 'PDU' : 'Meter'}
        </Text>
      </Stack>
    );
  return <Text size="sm">—</Text>;
}

/** The alerts of one page, with a checkbox per row for acknowledging several at once; `history` adds when each resolved. */
export function AlertsTable(props: {
  rows: AlertRow[];
  history: boolean;
  selected: Set<number>;
  onSelect: (ids: number[], on: boolean) => void;
  empty: ReactNode;
}) {
  const { rows, history, selected, onSelect } = props;
  const dates = useDates();
  const selectable = rows.filter((row) => row.acknowledgedAt === null);
  const allOn = selectable.length > 0 && selectable.every((row) => selected.has(row.id));
  const someOn = selectable.some((row) => selected.has(row.id));
  return (
    // Site and client share a column, and so do the times: every column fits 1280 px.
    <Table.ScrollContainer minWidth={960}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label="Alerts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>
              <Checkbox
                aria-label="Select every alert on this page"
                checked={allOn}
                indeterminate={someOn && !allOn}
                disabled={selectable.length === 0}
                onChange={(event) =>
                  onSelect(
                    selectable.map((row) => row.id),
                    event.currentTarget.checked,
                  )
                }
              />
            </Table.Th>
            <Table.Th w={150}>Kind</Table.Th>
            <Table.Th>Subject</Table.Th>
            <Table.Th>Site, client</Table.Th>
            <Table.Th>Message</Table.Th>
            <Table.Th w={190}>When</Table.Th>
            <Table.Th w={150}>Acknowledged</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={7}>{props.empty}</Table.Td>
            </Table.Tr>
          )}
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td>
                <Checkbox
                  aria-label={`Select alert ${row.id}`}
                  checked={selected.has(row.id)}
                  disabled={row.acknowledgedAt !== null}
                  onChange={(event) => onSelect([row.id], event.currentTarget.checked)}
                />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Stack gap={4} align="flex-start">
                  <Badge color={alertKindColor[row.kind]} variant="light" tt="none">
                    {alertKindLabels[row.kind]}
                  </Badge>
                  <Badge color={alertStatusColor[row.status]} variant="dot" size="sm" tt="none">
                    {alertStatusLabel[row.status]}
                  </Badge>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Subject row={row} dates={dates} />
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {row.site?.name ?? 'No site'}
                  </Text>
                  {row.client && (
                    <Anchor component={Link} to={`/clients/${row.client.id}`} size="xs">
                      {row.client.name}
                    </Anchor>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td miw={200}>
                <Text size="sm">{row.message}</Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    Opened {dates.dateTime(row.openedAt)}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {history ? `Resolved ${dates.dateTime(row.resolvedAt)}` : `Still firing at ${dates.dateTime(row.lastSeenAt)}`}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                {row.acknowledgedBy ? (
                  <Stack gap={0}>
                    <Text size="sm">{row.acknowledgedBy}</Text>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {dates.dateTime(row.acknowledgedAt)}
                    </Text>
                    {row.note && (
                      <Text size="xs" fs="italic">
                        “{row.note}”
                      </Text>
                    )}
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed">
                    Not yet
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
