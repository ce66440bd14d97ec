import { Loader } from '@mantine/core';
import { useQueryCall } from '../../api/useCall';
import { SectionHeader } from '../../components/SectionHeader';
import { MailServerForm } from './MailServerForm';
import { MailTemplatesSection } from './MailTemplatesSection';
import { MailTestPanel } from './MailTestPanel';

/** Settings → E-mail: the facility's mail server, a test e-mail, and the templates. */
export function MailSettingsTab() {
  const settings = useQueryCall('mail.settings.get', {});
  if (!settings.data) return <Loader />;
  return (
    <>
      <SectionHeader
        title="Mail server"
        description="Invoices, statements, receipts and announcements leave through this SMTP server. While it cannot be reached, they wait in the outbox and leave when it answers again."
      />
      <MailServerForm key={settings.data.updatedAt ?? 'new'} settings={settings.data} />
      <MailTestPanel key={`test-${settings.data.updatedAt ?? 'new'}`} settings={settings.data} />
      <MailTemplatesSection />
    </>
  );
}
