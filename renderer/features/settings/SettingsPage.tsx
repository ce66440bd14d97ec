import { Loader, Tabs } from '@mantine/core';
import { useQueryCall } from '../../api/useCall';
import { PageHeader } from '../../components/PageHeader';
import { AuditTable } from '../audit/AuditTable';
import { OrganisationForm } from './OrganisationForm';
import { StaffTab } from './StaffTab';

export function SettingsPage() {
  const settings = useQueryCall('settings.get', {});
  return (
    <>
      <PageHeader title="Settings" description="Your organisation, currency, time zone and default rates." />
      <Tabs defaultValue="organisation" keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="organisation">Organisation</Tabs.Tab>
          <Tabs.Tab value="staff">Staff</Tabs.Tab>
          <Tabs.Tab value="audit">Audit log</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="organisation">
          {settings.data ? <OrganisationForm key={settings.data.updatedAt ?? 'new'} settings={settings.data} /> : <Loader />}
        </Tabs.Panel>
        <Tabs.Panel value="staff">
          <StaffTab />
        </Tabs.Panel>
        <Tabs.Panel value="audit">
          <AuditTable />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
