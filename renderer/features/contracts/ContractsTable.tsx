import { Anchor, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ContractListRow } from '../../../electron/contract/contracts';
import { contractTermLabels, contractTypeLabels } from '../../../electron/contract/contracts.vocab';
import { noWrap } from '../../components/RecordsTable';
import { billingText, instantText, plural } from './contract-format';
import { ContractStatusBadge } from './ContractStatusBadge';

/** What a contract holds: miners, sites (O&M) or TH/s (Infinity, which the list row does not carry). */
function equipmentText(row: ContractListRow): string {
  if (row.type === 'infinity') return 'Hashrate';
  if (row.type === 'om') return `${plural(row.siteCount, 'site')} · ${plural(row.minerCount, 'miner')}`;
  return plural(row.minerCount, 'miner');
}

/** Contracts with their dates in each site's time zone; `withClient` false on a client's own tab. */
export function ContractsTable({ rows, withClient = true, label = 'Contracts' }: { rows: ContractListRow[]; withClient?: boolean; label?: string }) {
  return (
    <Table.ScrollContainer minWidth={1180}>
      <Table highlightOnHover verticalSpacing="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={140}>Number</Table.Th>
            {withClient && <Table.Th>Client</Table.Th>}
            <Table.Th w={90}>Type</Table.Th>
            <Table.Th>Site</Table.Th>
            <Table.Th w={130}>Term</Table.Th>
            <Table.Th w={110}>Starts</Table.Th>
            <Table.Th w={160}>Ends</Table.Th>
            <Table.Th w={110}>Status</Table.Th>
            <Table.Th w={130}>Billing</Table.Th>
            <Table.Th w={170} ta="right">
              Equipment
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td style={noWrap}>
                <Anchor component={Link} to={`/contracts/${row.id}`} fw={600} size="sm" ff={row.number ? undefined : 'monospace'}>
                  {row.reference}
                </Anchor>
              </Table.Td>
              {withClient && (
                <Table.Td style={noWrap}>
                  <Anchor component={Link} to={`/clients/${row.client.id}/contracts`} size="sm">
                    {row.client.name}
                  </Anchor>
                </Table.Td>
              )}
              <Table.Td>{contractTypeLabels[row.type]}</Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm">{row.site.name}</Text>
                  <Text size="xs" c="dimmed">
                    {row.timeZone}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Stack gap={0} style={noWrap}>
                  <Text size="sm">{contractTermLabels[row.term]}</Text>
                  {row.autoRenew && (
                    <Text size="xs" c="dimmed">
                      Auto-renews
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td style={noWrap}>{instantText(row.startsAt, row.timeZone)}</Table.Td>
              <Table.Td style={noWrap}>{instantText(row.terminatedAt ?? row.endsAt, row.timeZone)}</Table.Td>
              <Table.Td>
                <ContractStatusBadge status={row.status} />
              </Table.Td>
              <Table.Td style={noWrap}>
                <Text size="sm">{billingText(row)}</Text>
              </Table.Td>
              <Table.Td ta="right" style={noWrap}>
                {equipmentText(row)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
