import { Table, Text, Title } from '@mantine/core';
import { contractStatusLabels, contractTypeLabels } from '../../../electron/contract/contracts.vocab';
import { formatDate } from '../../../electron/contract/dates';
import type { PortalContract } from '../../../electron/contract/portal';

/** The client's contracts: number, type, site, term, the last day to give notice and how many miners are under each. */
export function ClientContracts({ contracts, timeZone }: { contracts: PortalContract[]; timeZone: string }) {
  return (
    <section aria-labelledby="client-contracts">
      <Title order={2} size="h3" id="client-contracts" mb="xs">
        Contracts
      </Title>
      {contracts.length === 0 ? (
        <Text c="dimmed">No contracts yet.</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped withTableBorder aria-label="Contracts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Number</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Site</Table.Th>
                <Table.Th>Term</Table.Th>
                <Table.Th>Notice by</Table.Th>
                <Table.Th ta="right">Miners</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contracts.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.number}</Table.Td>
                  <Table.Td>{contractTypeLabels[c.type]}</Table.Td>
                  <Table.Td>{contractStatusLabels[c.status]}</Table.Td>
                  <Table.Td>{c.site}</Table.Td>
                  <Table.Td>
                    {formatDate(c.startsAt, timeZone)} – {formatDate(c.endsAt, timeZone)}
                  </Table.Td>
                  <Table.Td>{formatDate(c.noticeBy, timeZone)}</Table.Td>
                  <Table.Td ta="right">{c.minerCount.toLocaleString('en-US')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
