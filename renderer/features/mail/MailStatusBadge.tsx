import { Badge } from '@mantine/core';
import { mailStatusLabels, type MailStatus } from '../../../electron/contract/mail.vocab';

const colors: Record<MailStatus, string> = { queued: 'gray', sending: 'blue', sent: 'green', failed_retrying: 'orange', failed: 'red' };

export function MailStatusBadge({ status }: { status: MailStatus }) {
  return (
    <Badge color={colors[status]} variant="light" style={{ minWidth: 'max-content' }}>
      {mailStatusLabels[status]}
    </Badge>
  );
}
