import { Button, Group, Loader, Menu, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArchive, IconArrowsJoin, IconPencil, IconToggleRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Permission } from '../../../electron/contract/permissions';
import { useQueryCall } from '../../api/useCall';
import { useGranted, usePermissions } from '../../api/usePermissions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isNotFound, isRecordId, notFoundShownInPage } from '../../components/NotFound';
import { Permitted, PermittedMenuItem } from '../../components/Permitted';
import { MoreMenuTarget } from '../../components/MoreMenuTarget';
import { AuditTable } from '../audit/AuditTable';
import { ClientContractsTab } from '../contracts/ClientContractsTab';
import { ClientPoolRedirect } from '../devices/ClientPoolRedirect';
import { ClientTasksTab } from '../tasks/ClientTasksTab';
import { TelemetryCharts } from '../telemetry/TelemetryCharts';
import { ArchiveClientModal } from './ArchiveClientModal';
import { ClientStatusBadge } from './ClientStatusBadge';
import { ClientNotFound } from './ClientNotFound';
import { ClientStatusBanner } from './ClientStatusBanner';
import { MergeClientsModal } from './MergeClientsModal';
import { StatusChangeModal } from './StatusChangeModal';
import { ClientFinancialsTab } from './tabs/ClientFinancialsTab';
import { DefaultStatusTab } from './tabs/DefaultStatusTab';
import { EquipmentTab } from './tabs/EquipmentTab';
import { LegalTab } from './tabs/LegalTab';
import { OverviewTab } from './tabs/OverviewTab';
import { PricingTab } from './tabs/PricingTab';
import { TeamTab } from './tabs/TeamTab';

/** Each tab with what the role needs to see it: a tab the role cannot see is not offered. */
const tabs = [
  ['overview', 'Overview', 'clients.view'],
  ['contracts', 'Contracts', 'contracts.view'],
  ['equipment', 'Equipment', 'fleet.view'],
  ['usage', 'Usage', 'fleet.view'],
  ['financials', 'Financials', 'billing.view'],
  ['pricing', 'Pricing', 'clients.view'],
  ['default', 'Default status', 'clients.view'],
  ['activity', 'Activity', 'audit.view'],
  ['legal', 'Legal', 'clients.view'],
  ['team', 'Team', 'clients.view'],
  ['tasks', 'Tasks', 'tasks.view'],
] as const satisfies readonly (readonly [string, string, Permission])[];

export function ClientDetailPage() {
  const params = useParams();
  const id = Number(params.id);
  const can = usePermissions();
  const seesFleet = useGranted('fleet.view');
  const shownTabs = tabs.filter(([, , permission]) => can(permission).allowed);
  const tab = shownTabs.some(([key]) => key === params.tab) ? params.tab! : 'overview';
  const navigate = useNavigate();
  const client = useQueryCall('clients.get', { id }, { ...notFoundShownInPage, enabled: isRecordId(id) });
  const [statusOpen, status] = useDisclosure(false);
  const [mergeOpen, merge] = useDisclosure(false);
  const [archiveOpen, archive] = useDisclosure(false);

  if (!isRecordId(id) || isNotFound(client.error)) return <ClientNotFound id={params.id ?? ''} />;
  if (!client.data) return client.error ? <ErrorAlert title="This client could not be loaded" error={client.error.apiError} /> : <Loader />;
  const c = client.data;
  const archived = c.archivedAt !== null;

  const panels: Record<(typeof tabs)[number][0], ReactNode> = {
    overview: <OverviewTab client={c} />,
    contracts: <ClientContractsTab clientId={id} archived={archived} />,
    equipment: <EquipmentTab client={c} />,
    usage: <TelemetryCharts scope={{ clientId: id }} />,
    financials: <ClientFinancialsTab clientId={id} />,
    pricing: <PricingTab clientId={id} currency={c.effectiveCurrency} />,
    default: <DefaultStatusTab client={c} />,
    activity: <AuditTable clientId={id} />,
    legal: <LegalTab clientId={id} />,
    team: <TeamTab clientId={id} clientName={c.name} />,
    tasks: <ClientTasksTab clientId={id} archived={archived} />,
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Group gap="sm">
            <Title order={2}>{c.name}</Title>
            <ClientStatusBadge status={c.status} archived={archived} />
          </Group>
          <Text c="dimmed" size="sm">
            Client #{c.id}
            {c.company && ` · ${c.company}`} · {c.contactEmail}
          </Text>
        </Stack>
        {!archived && (
          <Group>
            <Permitted procedure="clients.update">
              <Button component={Link} to={`/clients/${id}/edit`} leftSection={<IconPencil size={16} />}>
                Edit
              </Button>
            </Permitted>
            <Menu position="bottom-end">
              <MoreMenuTarget />
              <Menu.Dropdown>
                <PermittedMenuItem procedure="clients.setStatus" leftSection={<IconToggleRight size={16} />} onClick={status.open}>
                  Change status
                </PermittedMenuItem>
                <PermittedMenuItem procedure="clients.merge" leftSection={<IconArrowsJoin size={16} />} onClick={merge.open}>
                  Merge clients
                </PermittedMenuItem>
                <Menu.Divider />
                <PermittedMenuItem procedure="clients.archive" color="red" leftSection={<IconArchive size={16} />} onClick={archive.open}>
                  Archive client
                </PermittedMenuItem>
              </Menu.Dropdown>
            </Menu>
          </Group>
        )}
      </Group>
      <ClientStatusBanner client={c} />
      {!archived && seesFleet && <ClientPoolRedirect clientId={id} clientName={c.name} />}
      <Tabs value={tab} onChange={(next) => navigate(next === 'overview' ? `/clients/${id}` : `/clients/${id}/${next}`)} keepMounted={false}>
        <Tabs.List mb="md">
          {shownTabs.map(([key, label]) => (
            <Tabs.Tab key={key} value={key}>
              {label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {shownTabs.map(([key]) => (
          <Tabs.Panel key={key} value={key}>
            {panels[key]}
          </Tabs.Panel>
        ))}
      </Tabs>
      {statusOpen && <StatusChangeModal client={c} opened onClose={status.close} />}
      {mergeOpen && <MergeClientsModal client={c} opened onClose={merge.close} />}
      <ArchiveClientModal client={c} opened={archiveOpen} onClose={archive.close} />
    </Stack>
  );
}
