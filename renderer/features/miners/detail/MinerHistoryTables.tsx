import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { MinerAssignment } from '../../../../electron/contract/miners.list';
import type { MinerIdentityEntry } from '../../../../electron/contract/miners.records';
import { noWrap, RecordsTable } from '../../../components/RecordsTable';
import { useDates } from '../../../components/useDates';

const identityKindLabels = { ip: 'IP', mac: 'MAC', serial: 'Serial', hostname: 'Hostname' } as const;
const sourceLabels = { manual: 'Typed in', import: 'Imported', discovery: 'Discovery' } as const;

/** Each identifier the miner was known by and when, newest first. */
export function IdentityHistoryTable({ rows, loading }: { rows: MinerIdentityEntry[] | undefined; loading: boolean }) {
  const { dateTime } = useDates();
  return (
    <RecordsTable
      label="Identity history"
      columns={[{ label: 'What' }, { label: 'Value' }, { label: 'From' }, { label: 'Until' }, { label: 'Source' }]}
      rows={rows?.map((row, i) => ({ ...row, id: i + 1 }))}
      loading={loading}
      empty="No identifiers recorded for this miner yet."
    >
      {(row) => (
        <Table.Tr>
          <Table.Td>{identityKindLabels[row.kind]}</Table.Td>
          <Table.Td ff="monospace">{row.value}</Table.Td>
          <Table.Td style={noWrap}>{dateTime(row.fromAt)}</Table.Td>
          <Table.Td style={noWrap}>
            {row.toAt ? (
              dateTime(row.toAt)
            ) : (
              <Badge size="sm" variant="light" color="green">
                Current
              </Badge>
            )}
          </Table.Td>
          <Table.Td>{sourceLabels[row.source]}</Table.Td>
        </Table.Tr>
      )}
    </RecordsTable>
  );
}

/** The clients the miner was with and when, newest first. */
export function AssignmentsTable({ rows, loading }: { rows: MinerAssignment[] | undefined; loading: boolean }) {
  const { dateTime } = useDates();
  return (
    <RecordsTable
      label="Assignments"
      columns={[{ label: 'Client' }, { label: 'From' }, { label: 'Until' }]}
      rows={rows?.map((row, i) => ({ ...row, id: i + 1 }))}
      loading={loading}
      empty="This miner was never assigned to a client."
    >
      {(row) => (
        <Table.Tr>
          <Table.Td>
            <Anchor component={Link} to={`/clients/${row.client.id}`} size="sm">
              {row.client.name}
            </Anchor>
          </Table.Td>
          <Table.Td style={noWrap}>{dateTime(row.fromAt)}</Table.Td>
          <Table.Td style={noWrap}>{row.toAt ? dateTime(row.toAt) : <Text size="sm">Now</Text>}</Table.Td>
        </Table.Tr>
      )}
    </RecordsTable>
  );
}
