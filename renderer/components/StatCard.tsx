import { Anchor, Card, Text } from '@mantine/core';
import { Link } from 'react-router';

/** One figure with its label, as on the dashboard and the client overview; a link makes the figure open its list. */
export function StatCard({ label, value, link }: { label: string; value: string | number; link?: string }) {
  return (
    <Card withBorder radius="md" padding="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} mt={4}>
        {link ? (
          <Anchor component={Link} to={link} inherit>
            {value}
          </Anchor>
        ) : (
          value
        )}
      </Text>
    </Card>
  );
}
