import { Loader, Tabs, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { Permission } from '../../../electron/contract/permissions';
import { useQueryCall } from '../../api/useCall';
import { usePermissions } from '../../api/usePermissions';
import { PageHeader } from '../../components/PageHeader';
import { AboutTab } from '../about/AboutTab';
import { AlertRulesTab } from '../alerts/AlertRulesTab';
import { ApiTab } from '../api/ApiTab';
import { AuditTable } from '../audit/AuditTable';
import { UsersRolesTab } from '../auth/UsersRolesTab';
import { BackupsTab } from '../backups/BackupsTab';
import { MinerAccessTab } from '../devices/MinerAccessTab';
import { MailSettingsTab } from '../mail/MailSettingsTab';
import { ModelsTab } from '../models/ModelsTab';
import { OfficeLanTab } from '../office-lan/OfficeLanTab';
import { SitesTab } from '../sites/SitesTab';
import { TelemetrySettingsTab } from '../telemetry/TelemetrySettingsTab';
import { NetworkActivityTab } from './NetworkActivityTab';
import { OrganisationForm } from './OrganisationForm';
import { SecuritySettings } from './SecuritySettings';
import { DefaultThresholdSetting } from '../payments/DefaultThresholdSetting';
import { StaffTab } from './StaffTab';

/** Each tab with what the role needs to see it: a tab the role cannot see is not offered. */
const tabs = [
  ['organisation', 'Organisation', 'signedIn'],
  ['staff', 'Staff', 'signedIn'],
  ['users', 'Users & roles', 'users.admin'],
  ['sites', 'Sites & racks', 'fleet.view'],
  ['models', 'Miner models', 'fleet.view'],
  ['telemetry', 'Telemetry', 'monitoring.view'],
  ['access', 'Miner access', 'fleet.view'],
  ['alerts', 'Alerts', 'monitoring.view'],
  ['mail', 'E-mail', 'settings.view'],
  ['backups', 'Backups', 'settings.view'],
  ['audit', 'Audit log', 'audit.view'],
  ['network', 'Network', 'audit.view'],
  ['lan', 'Office network', 'users.admin'],
  ['api', 'API', 'signedIn'],
  ['about', 'About', 'signedIn'],
] as const satisfies readonly (readonly [string, string, Permission])[];

type TabKey = (typeof tabs)[number][0];

export function SettingsPage() {
  const settings = useQueryCall('settings.get', {});
  const can = usePermissions();
  const editsSettings = can('settings.edit');
  const shownTabs = tabs.filter(([, , permission]) => can(permission).allowed);
  const [params, setParams] = useSearchParams();
  const tab = shownTabs.find(([key]) => key === params.get('tab'))?.[0] ?? 'organisation';
  const panels: Record<TabKey, ReactNode> = {
    organisation: settings.data ? (
      // A role without settings.edit reads the organisation's settings; the fieldset disables every field and button.
      <fieldset disabled={!editsSettings.allowed} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        {editsSettings.reason && (
          <Text size="sm" c="dimmed" mb="md">
            {editsSettings.reason}
          </Text>
        )}
        <OrganisationForm key={settings.data.updatedAt ?? 'new'} settings={settings.data} />
        <SecuritySettings settings={settings.data} />
        <DefaultThresholdSetting settings={settings.data} />
      </fieldset>
    ) : (
      <Loader />
    ),
    staff: <StaffTab />,
    users: <UsersRolesTab />,
    sites: <SitesTab />,
    models: <ModelsTab />,
    telemetry: <TelemetrySettingsTab />,
    access: <MinerAccessTab />,
    alerts: <AlertRulesTab />,
    mail: <MailSettingsTab />,
    backups: <BackupsTab />,
    audit: <AuditTable />,
    network: <NetworkActivityTab />,
    lan: <OfficeLanTab />,
    api: <ApiTab />,
    about: <AboutTab />,
  };
  return (
    <>
      <PageHeader
        title="Settings"
        description="Your organisation, billing currency for all clients, time zone, default rates, staff, sites and miner models."
      />
      <Tabs value={tab} onChange={(next) => setParams(next === 'organisation' ? {} : { tab: next ?? '' }, { replace: true })} keepMounted={false}>
        <Tabs.List mb="lg">
          {shownTabs.map(([key, label]) => (
            <Tabs.Tab key={key} value={key}>
              {label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {shownTabs.map(([key, , permission]) => (
          // A panel asks the server only once the role is known to hold its permission (an address may name any tab).
          <Tabs.Panel key={key} value={key}>
            {can(permission).granted ? panels[key] : <Loader />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
