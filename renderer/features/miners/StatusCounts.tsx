import { Chip, Group } from '@mantine/core';
import { minerLiveStatuses, type MinerLiveStatus } from '../../../electron/contract/miners';
import { liveStatusColors, liveStatusLabels } from './miner-format';

/** Miners per live status over the other filters; picking one or more filters the table by them. */
export function StatusCounts(props: {
  counts: Record<MinerLiveStatus, number> | undefined;
  value: MinerLiveStatus[];
  onChange: (value: MinerLiveStatus[]) => void;
}) {
  return (
    <Chip.Group multiple value={props.value} onChange={(values) => props.onChange(values as MinerLiveStatus[])}>
      <Group gap="xs" aria-label="Status filter">
        {minerLiveStatuses.map((status) => (
          <Chip key={status} value={status} size="sm" variant="outline" color={liveStatusColors[status]}>
            {liveStatusLabels[status]} ({(props.counts?.[status] ?? 0).toLocaleString('en-US')})
          </Chip>
        ))}
      </Group>
    </Chip.Group>
  );
}
