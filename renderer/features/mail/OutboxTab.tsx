import { Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { MailMessage } from '../../../electron/contract/mail';
import { mailStatusLabels, mailStatuses, type MailStatus } from '../../../electron/contract/mail.vocab';
import { useCall, useQueryCall } from '../../api/useCall';
import { noWrap, RecordsTable } from '../../components/RecordsTable';
import { useDates, type Dates } from '../../components/useDates';
import { MailStatusBadge } from './MailStatusBadge';
import { Permitted } from '../../components/Permitted';

const pageSize = 100;
const columns = [
  { label: 'Status', width: 150 },
  { label: 'To' },
  { label: 'Subject' },
  { label: 'Tries', align: 'right' as const },
  { label: 'When' },
  { label: '' },
];

/** Every e-mail Hashdesk wrote, newest first: where it stands, its tries, and Retry for the failed ones. */
export function OutboxTab() {
  const [status, setStatus] = useState<MailStatus | 'all'>('all');
  const [limit, setLimit] = useState(pageSize);
  const outbox = useQueryCall('mail.outbox.list', { status: status === 'all' ? undefined : status, limit }, { refetchInterval: 5_000 });
  const dates = useDates();
  const counts = outbox.data?.statusCounts;
  const total = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : 0;
  return (
    <Stack gap="md">
      <SegmentedControl
        aria-label="Status filter"
        value={status}
        onChange={(value) => setStatus(value as MailStatus | 'all')}
        data={[{ value: 'all', label: `All (${total})` }, ...mailStatuses.map((s) => ({ value: s, label: `${mailStatusLabels[s]} (${counts?.[s] ?? 0})` }))]}
        style={{ alignSelf: 'flex-start' }}
      />
      <RecordsTable
        label="Outbox"
        columns={columns}
        rows={outbox.data?.rows}
        loading={outbox.isLoading}
        empty="No e-mail here. Invoices, statements and announcements appear here when they are sent."
      >
        {(message) => <OutboxRow message={message} dates={dates} />}
      </RecordsTable>
      {outbox.data && outbox.data.total > outbox.data.rows.length && (
        <Button variant="default" onClick={() => setLimit((n) => n + pageSize)} style={{ alignSelf: 'flex-start' }}>
          Show more ({outbox.data.total - outbox.data.rows.length} older)
        </Button>
      )}
    </Stack>
  );
}

function OutboxRow({ message, dates }: { message: MailMessage; dates: Dates }) {
  const [open, setOpen] = useState(false);
  const retry = useCall('mail.outbox.retry', { failureTitle: 'The e-mail was not queued again' });
  const canRetry = message.status === 'failed' || message.status === 'failed_retrying';
  const when =
    message.status === 'sent'
      ? `Sent ${dates.dateTime(message.sentAt)}`
      : message.attempts > 0 && message.nextAttemptAt
        ? `Next try ${dates.dateTime(message.nextAttemptAt)}`
        : `Queued ${dates.dateTime(message.createdAt)}`;
  const retryNow = async () => {
    const outcome = await retry.run({ id: message.id });
    if (outcome.ok) notifications.show({ color: 'green', title: 'Queued again', message: `E-mail to ${message.to.join(', ')} leaves now.` });
  };
  return (
    <>
      <Table.Tr>
        <Table.Td>
          <MailStatusBadge status={message.status} />
        </Table.Td>
        <Table.Td>
          <Text size="sm">{[...message.to, ...message.cc].join(', ')}</Text>
          {message.clientName && (
            <Text size="xs" c="dimmed">
              {message.clientName}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <Text size="sm">{message.subject}</Text>
          <Text size="xs" c="dimmed">
            {[message.related?.label, ...message.attachments].filter(Boolean).join(' · ')}
          </Text>
          {message.lastError && message.status !== 'sent' && (
            <Text size="xs" c={message.status === 'failed' ? 'red' : 'orange'}>
              {message.lastError}
            </Text>
          )}
        </Table.Td>
        <Table.Td ta="right">{message.attempts}</Table.Td>
        <Table.Td style={noWrap}>
          <Text size="sm">{when}</Text>
        </Table.Td>
        <Table.Td style={noWrap}>
          <Group gap={4} justify="flex-end" wrap="nowrap">
            {message.log.length > 0 && (
              <Button size="compact-sm" variant="subtle" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
                {open ? 'Hide log' : 'Log'}
              </Button>
            )}
            {canRetry && (
              <Permitted procedure="mail.outbox.retry">
                <Button size="compact-sm" variant="light" loading={retry.running} onClick={() => void retryNow()}>
                  Retry now
                </Button>
              </Permitted>
            )}
          </Group>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={6}>
            <Stack gap={2} pl="md" aria-label={`Tries of e-mail #${message.id}`}>
              {message.log.map((attempt) => (
                <Text key={attempt.at} size="xs" c={attempt.ok ? undefined : 'red'}>
                  {dates.dateTime(attempt.at)} — {attempt.detail}
                </Text>
              ))}
            </Stack>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
