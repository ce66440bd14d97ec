import { Badge } from '@mantine/core';
import type { MinerLiveStatus } from '../../../electron/contract/miners';
import { liveStatusColors, liveStatusLabels } from './miner-format';

export function LiveStatusBadge({ status }: { status: MinerLiveStatus }) {
  return (
    <Badge color={liveStatusColors[status]} variant="dot" size="sm" style={{ flex: 'none' }}>
      {liveStatusLabels[status]}
    </Badge>
  );
}
