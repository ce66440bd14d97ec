import { Paper, Text, ThemeIcon } from '@mantine/core';
import { IconTools } from '@tabler/icons-react';
import { PageHeader } from '../../components/PageHeader';

/** The honest empty state of a section whose feature has not landed yet: what it will hold, and no made-up data. */
export function PlannedPage({ title, summary }: { title: string; summary: string }) {
  return (
    <>
      <PageHeader title={title} />
      <Paper withBorder p="xl" radius="md" maw={720}>
        <ThemeIcon variant="light" size="xl" mb="md">
          <IconTools size={22} />
        </ThemeIcon>
        <Text fw={600} mb={4}>
          Not available in this version yet
        </Text>
        <Text c="dimmed">{summary}</Text>
      </Paper>
    </>
  );
}
