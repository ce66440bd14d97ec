import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconHistory, IconPencil } from '@tabler/icons-react';
import { Link } from 'react-router';
import { Permitted } from '../../components/Permitted';

/** Edit and View logs, as on MoonOne's client list. */
export function ClientRowActions({ id, name }: { id: number; name: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Permitted procedure="clients.update" label="Edit">
        <ActionIcon component={Link} to={`/clients/${id}/edit`} variant="subtle" aria-label={`Edit ${name}`} onClick={(e) => e.stopPropagation()}>
          <IconPencil size={18} />
        </ActionIcon>
      </Permitted>
      <Tooltip label="View logs">
        <ActionIcon component={Link} to={`/clients/${id}/activity`} variant="subtle" aria-label={`View logs of ${name}`} onClick={(e) => e.stopPropagation()}>
          <IconHistory size={18} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
