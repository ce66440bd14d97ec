import { Loader, Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useQueryCall } from '../../api/useCall';
import { useCan } from '../../api/usePermissions';
import { PageHeader } from '../../components/PageHeader';
import { AlertRulesTab } from '../alerts/AlertRulesTab';
import { AuditTable } from '../audit/AuditTable';
import { UsersRolesTab } from '../auth/UsersRolesTab';
import { BackupsTab } from '../backups/BackupsTab';
import { MinerAccessTab } from '../devices/MinerAccessTab';
import { MailSettingsTab } from '../mail/MailSettingsTab';
import { ModelsTab } from '../models/ModelsTab';
import { SitesTab } from '../sites/SitesTab';
import { TelemetrySettingsTab } from '../telemetry/TelemetrySettingsTab';
import { OrganisationForm } from './OrganisationForm';
import { SecuritySettings } from './SecuritySettings';
import { DefaultThresholdSetting } from '../payments/DefaultThresholdSetting';
import { StaffTab } from './StaffTab';

const tabs = ['organisation', 'staff', 'users', 'sites', 'models', 'telemetry', 'access', 'alerts', 'mail', 'backups', 'audit'];

export function SettingsPage() {
  const settings = useQueryCall('settings.get', {});
  const canManageUsers = useCan('users.admin').allowed;
  const [params, setParams] = useSearchParams();
  const tab = tabs.includes(params.get('tab') ?? '') ? params.get('tab')! : 'organisation';
  return (
    <>
      <PageHeader
        title="Settings"
        description="Your organisation, billing currency for all clients, time zone, default rates, staff, sites and miner models."
      />
      <Tabs value={tab} onChange={(next) => setParams(next === 'organisation' ? {} : { tab: next ?? '' }, { replace: true })} keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="organisation">Organisation</Tabs.Tab>
          <Tabs.Tab value="staff">Staff</Tabs.Tab>
          {canManageUsers && <Tabs.Tab value="users">Users & roles</Tabs.Tab>}
          <Tabs.Tab value="sites">Sites & racks</Tabs.Tab>
          <Tabs.Tab value="models">Miner models</Tabs.Tab>
          <Tabs.Tab value="telemetry">Telemetry</Tabs.Tab>
          <Tabs.Tab value="access">Miner access</Tabs.Tab>
          <Tabs.Tab value="alerts">Alerts</Tabs.Tab>
          <Tabs.Tab value="mail">E-mail</Tabs.Tab>
          <Tabs.Tab value="backups">Backups</Tabs.Tab>
          <Tabs.Tab value="audit">Audit log</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="organisation">
          {settings.data ? (
            <>
              <OrganisationForm key={settings.data.updatedAt ?? 'new'} settings={settings.data} />
              <SecuritySettings settings={settings.data} />
              <DefaultThresholdSetting settings={settings.data} />
            </>
          ) : (
            <Loader />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="staff">
          <StaffTab />
        </Tabs.Panel>
        <Tabs.Panel value="users">{canManageUsers && <UsersRolesTab />}</Tabs.Panel>
        <Tabs.Panel value="sites">
          <SitesTab />
        </Tabs.Panel>
        <Tabs.Panel value="models">
          <ModelsTab />
        </Tabs.Panel>
        <Tabs.Panel value="telemetry">
          <TelemetrySettingsTab />
        </Tabs.Panel>
        <Tabs.Panel value="access">
          <MinerAccessTab />
        </Tabs.Panel>
        <Tabs.Panel value="alerts">
          <AlertRulesTab />
        </Tabs.Panel>
        <Tabs.Panel value="backups">
          <BackupsTab />
        </Tabs.Panel>
        <Tabs.Panel value="mail">
          <MailSettingsTab />
        </Tabs.Panel>
        <Tabs.Panel value="audit">
          <AuditTable />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
