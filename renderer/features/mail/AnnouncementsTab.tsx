import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconSpeakerphone } from '@tabler/icons-react';
import { useState } from 'react';
import type { Announcement } from '../../../electron/contract/mail';
import { mailStatuses, type MailStatus } from '../../../electron/contract/mail.vocab';
import { useQueryCall } from '../../api/useCall';
import { noWrap, RecordsTable } from '../../components/RecordsTable';
import { SectionHeader } from '../../components/SectionHeader';
import { useDates, type Dates } from '../../components/useDates';
import { AnnouncementDialog } from './AnnouncementDialog';
import { MailStatusBadge } from './MailStatusBadge';
import { Permitted } from '../../components/Permitted';

const columns = [{ label: 'Subject' }, { label: 'Audience' }, { label: 'Sent by' }, { label: 'Delivery' }, { label: '' }];

/** Announcements to clients (Dune's Notify), newest first, each with how its e-mail to every recipient went. */
export function AnnouncementsTab() {
  const [writing, setWriting] = useState(false);
  const list = useQueryCall('announcements.list', {}, { refetchInterval: 5_000 });
  const dates = useDates();
  return (
    <Stack gap="md">
      <SectionHeader
        title="Announcements"
        description="An e-mail to all clients, a group, a site's clients, or the clients of miners selected in the Miners table. Each copy leaves through the outbox."
        action={
          <Permitted procedure="announcements.send">
            <Button leftSection={<IconSpeakerphone size={16} />} onClick={() => setWriting(true)}>
              New announcement
            </Button>
          </Permitted>
        }
      />
      <RecordsTable label="Announcements" columns={columns} rows={list.data?.rows} loading={list.isLoading} empty="No announcement sent yet.">
        {(announcement) => <AnnouncementRow announcement={announcement} dates={dates} />}
      </RecordsTable>
      {writing && <AnnouncementDialog onClose={() => setWriting(false)} />}
    </Stack>
  );
}

/** How many copies stand where, in words for a count: "12 sent, 3 waiting to retry". */
const countWords: Record<MailStatus, string> = { queued: 'queued', sending: 'sending', sent: 'sent', failed_retrying: 'waiting to retry', failed: 'failed' };

function deliveryText(announcement: Announcement): string {
  return mailStatuses
    .filter((status) => announcement.statusCounts[status] > 0)
    .map((status) => `${announcement.statusCounts[status]} ${countWords[status]}`)
    .join(', ');
}

function AnnouncementRow({ announcement, dates }: { announcement: Announcement; dates: Dates }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Table.Tr>
        <Table.Td>
          <Text size="sm" fw={500}>
            {announcement.subject}
          </Text>
          <Text size="xs" c="dimmed">
            {dates.dateTime(announcement.createdAt)}
          </Text>
        </Table.Td>
        <Table.Td>{announcement.audienceText}</Table.Td>
        <Table.Td>{announcement.actor}</Table.Td>
        <Table.Td>{deliveryText(announcement)}</Table.Td>
        <Table.Td style={noWrap}>
          <Button size="compact-sm" variant="subtle" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            {open ? 'Hide recipients' : `Recipients (${announcement.recipients.length})`}
          </Button>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={5}>
            <Table aria-label={`Recipients of ${announcement.subject}`} withRowBorders={false} verticalSpacing={4}>
              <Table.Tbody>
                {announcement.recipients.map((r) => (
                  <Table.Tr key={r.messageId}>
                    <Table.Td>{r.clientName}</Table.Td>
                    <Table.Td>{r.to}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <MailStatusBadge status={r.status} />
                        {r.sentAt && <Text size="xs">{dates.dateTime(r.sentAt)}</Text>}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" c="red">
                        {r.status !== 'sent' ? r.lastError : null}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
