import { Button, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconDatabaseImport, IconSettings } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router';
import { useCall, useQueryCall } from '../../api/useCall';
import { PageHeader } from '../../components/PageHeader';
import { StatCard } from '../../components/StatCard';
import { AuditTable } from '../audit/AuditTable';

function FirstRun() {
  const seed = useCall('demo.seed', { failureTitle: 'Demo data was not added' });
  const fill = async () => {
    const outcome = await seed.run({});
    if (outcome.ok) notifications.show({ color: 'green', title: 'Demo facility created', message: 'Explore it freely; nothing leaves this computer.' });
  };
  return (
    <Card withBorder padding="xl" radius="md" maw={760}>
      <Title order={3} mb="xs">
        Welcome to Hashdesk
      </Title>
      <Text c="dimmed" mb="lg">
        This database is empty. Start with your organisation’s details, or fill it with a realistic demo facility to look around first.
      </Text>
      <Group>
        <Button component={Link} to="/settings" leftSection={<IconSettings size={18} />}>
          Set up your organisation
        </Button>
        <Button variant="default" leftSection={<IconDatabaseImport size={18} />} loading={seed.running} onClick={fill}>
          Fill with a demo facility
        </Button>
      </Group>
    </Card>
  );
}

export function DashboardPage() {
  const info = useQueryCall('app.info', {});
  const settings = useQueryCall('settings.get', {});
  const clients = useQueryCall('clients.list', { limit: 1 });
  if (!info.data || !settings.data) return <Loader />;
  if (info.data.isEmpty) return <FirstRun />;
  const s = settings.data;
  return (
    <Stack>
      <PageHeader title={s.organisationName || 'Dashboard'} description={`Hashdesk ${info.data.version}`} />
      {clients.data && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <StatCard label="Clients" value={clients.data.total} link="/clients" />
          <StatCard label="Active" value={clients.data.statusCounts.active} link="/clients?status=active" />
          <StatCard label="In default" value={clients.data.statusCounts.in_default} link="/clients?status=in_default" />
          <StatCard label="Pool redirected" value={clients.data.statusCounts.pool_redirected} link="/clients?status=pool_redirected" />
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <StatCard label="Currency" value={s.currency} />
        <StatCard label="Site time zone" value={s.timeZone} />
        <StatCard label="Default energy rate" value={`${s.energyRatePerKwh} ${s.currency}/kWh`} />
        <StatCard label="Invoice prefix" value={s.invoicePrefix || '—'} />
      </SimpleGrid>
      <Title order={4} mt="md">
        Recent changes
      </Title>
      <AuditTable pageSize={8} sentencesOnly />
    </Stack>
  );
}
