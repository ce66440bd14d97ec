import { Paper, Text, ThemeIcon } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';

/** A tab's real empty state: what will be listed here and where it comes from. */
export function EmptyTab({ icon: TabIcon, title, text }: { icon: Icon; title: string; text: string }) {
  return (
    <Paper withBorder p="xl" radius="md" maw={720}>
      <ThemeIcon variant="light" size="xl" mb="md">
        <TabIcon size={22} />
      </ThemeIcon>
      <Text fw={600} mb={4}>
        {title}
      </Text>
      <Text c="dimmed" size="sm">
        {text}
      </Text>
    </Paper>
  );
}
