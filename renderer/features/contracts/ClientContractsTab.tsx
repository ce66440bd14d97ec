import { Button, Center, Loader, Paper, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useQueryCall } from '../../api/useCall';
import { SectionHeader } from '../../components/SectionHeader';
import { ContractsTable } from './ContractsTable';
import { Permitted } from '../../components/Permitted';

/** A client's contracts of every type and state, newest first, with New contract for this client. */
export function ClientContractsTab({ clientId, archived }: { clientId: number; archived: boolean }) {
  const list = useQueryCall('contracts.list', { clientId, limit: 500 });
  return (
    <>
      <SectionHeader
        title="Contracts"
        description="Hosted, Lease, Infinity and O&M contracts of this client. Drafts get their permanent number when activated."
        action={
          !archived && (
            <Permitted procedure="contracts.create">
              <Button component={Link} to={`/contracts/new?client=${clientId}`} leftSection={<IconPlus size={16} />}>
                New contract
              </Button>
            </Permitted>
          )
        }
      />
      {!list.data ? (
        <Center py="xl">{list.isError ? <Text>The contracts could not be loaded.</Text> : <Loader />}</Center>
      ) : list.data.rows.length === 0 ? (
        <Paper withBorder p="xl" ta="center">
          <Text fw={600}>No contracts yet.</Text>
          <Text c="dimmed" size="sm">
            {archived ? 'This client is archived.' : 'Draw up the first with New contract: pick the type, term and billing, then assign the miners or sites.'}
          </Text>
        </Paper>
      ) : (
        <>
          <ContractsTable rows={list.data.rows} withClient={false} label="Client contracts" />
          {list.data.total > list.data.rows.length && (
            <Text size="sm" c="dimmed">
              The newest {list.data.rows.length} of {list.data.total} are shown; the Contracts page lists them all.
            </Text>
          )}
        </>
      )}
    </>
  );
}
