import { Badge } from '@mantine/core';
import { contractStatusLabels, type ContractStatus } from '../../../electron/contract/contracts.vocab';
import { contractStatusColors } from './contract-format';

export function ContractStatusBadge({ status }: { status: ContractStatus }) {
  return (
    <Badge
      color={contractStatusColors[status]}
      variant={status === 'ended' ? 'outline' : 'light'}
      styles={{ root: { overflow: 'visible', maxWidth: 'none' }, label: { overflow: 'visible' } }}
    >
      {contractStatusLabels[status]}
    </Badge>
  );
}
