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
    // Inactive is outlined: a light grey badge vanished into the grey of a hovered row.
    <Badge
      color={clientStatusColor[status]}
      variant={status === 'inactive' ? 'outline' : 'light'}
      styles={{ root: { overflow: 'visible', maxWidth: 'none' }, label: { overflow: 'visible' } }}
    >
      {clientStatusLabel[status]}
    </Badge>
  );
}
