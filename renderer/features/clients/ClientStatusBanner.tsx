import { Alert, Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ClientDetail } from '../../../electron/contract/clients';
import { useQueryCall } from '../../api/useCall';
import { clientStatusColor, clientStatusLabel, clientStatusMeaning } from './client-status';
import { useDates } from '../../components/useDates';

/** The status bar on top of the detail page, with the recorded reason when there is one. */
export function ClientStatusBanner({ client }: { client: ClientDetail }) {
  const { date } = useDates();
  const history = useQueryCall('clients.statusHistory', { clientId: client.id });
  const latest = history.data?.find((row) => row.toStatus === client.status);
  if (client.archivedAt) {
    return (
      <Alert color="dark" variant="light" title="Archived">
        <Text size="sm">
          Archived on {date(client.archivedAt)}.
          {client.mergedInto && (
            <>
              {' '}
              Merged into{' '}
              <Anchor component={Link} to={`/clients/${client.mergedInto.id}`} inherit>
                {client.mergedInto.name} (#{client.mergedInto.id})
              </Anchor>
              .
            </>
          )}
        </Text>
      </Alert>
    );
  }
  return (
    <Alert color={clientStatusColor[client.status]} variant="light" title={clientStatusLabel[client.status]} aria-label="Client status">
      <Text size="sm">
        {[clientStatusMeaning[client.status], latest?.reason && `Reason: ${latest.reason.replace(/\.$/, '')}.`, latest && `Since ${date(latest.at)}.`]
          .filter(Boolean)
          .join(' ')}
      </Text>
    </Alert>
  );
}
