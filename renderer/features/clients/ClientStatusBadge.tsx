import { Badge } from '@mantine/core';
import type { ClientStatus } from '../../../electron/contract/clients';
import { clientStatusColor, clientStatusLabel } from './client-status';

export function ClientStatusBadge({ status, archived = false }: { status: ClientStatus; archived?: boolean }) {
  if (archived)
    return (
      <Badge color="dark" variant="outline">
        Archived
      </Badge>
    );
  return (
    <Badge color={clientStatusColor[status]} variant="light" style={{ overflow: 'visible' }} miw="fit-content">
      {clientStatusLabel[status]}
    </Badge>
  );
}
