import { Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { AnnouncementsTab } from './AnnouncementsTab';
import { OutboxTab } from './OutboxTab';

/** The outbox and the announcements: what Hashdesk e-mailed, what waits for the mail server, and why. */
export function MailPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'announcements' ? 'announcements' : 'outbox';
  return (
    <>
      <PageHeader
        title="Mail"
        description="Every e-mail to clients leaves through the outbox; while the mail server cannot be reached, it waits here and leaves when the link is back."
      />
      <Tabs value={tab} onChange={(next) => setParams(next === 'announcements' ? { tab: next } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="outbox">Outbox</Tabs.Tab>
          <Tabs.Tab value="announcements">Announcements</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="outbox">
          <OutboxTab />
        </Tabs.Panel>
        <Tabs.Panel value="announcements">
          <AnnouncementsTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
