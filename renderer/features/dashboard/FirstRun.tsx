import { Button, Card, Group, Text, Title } from '@mantine/core';
import { IconDatabaseImport, IconSettings } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router';
import { useCall } from '../../api/useCall';
import { Permitted } from '../../components/Permitted';

/** What an empty database shows instead of figures: set up the organisation, or fill a demo facility. */
export function FirstRun() {
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
        <Permitted procedure="demo.seed">
          <Button variant="default" leftSection={<IconDatabaseImport size={18} />} loading={seed.running} onClick={fill}>
            Fill with a demo facility
          </Button>
        </Permitted>
      </Group>
    </Card>
  );
}
