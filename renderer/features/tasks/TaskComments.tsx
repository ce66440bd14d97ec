import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { TaskDetail } from '../../../electron/contract/tasks';
import { useCall } from '../../api/useCall';
import { useDates } from '../../components/useDates';
import { Permitted, PermittedFields } from '../../components/Permitted';

/** The comment thread, oldest first, with a box to add one; comments are never edited. */
export function TaskComments({ task }: { task: TaskDetail }) {
  const { dateTime } = useDates();
  const add = useCall('tasks.comments.add', { failureTitle: 'The comment was not added' });
  const [body, setBody] = useState('');
  const submit = async () => {
    const outcome = await add.run({ taskId: task.id, body });
    if (outcome.ok) setBody('');
  };
  return (
    <Stack gap="sm">
      {task.comments.length === 0 && (
        <Text c="dimmed" size="sm">
          No comments yet. Notes on the work go here: what was found, parts ordered, what the client was told.
        </Text>
      )}
      {task.comments.map((comment) => (
        <Paper key={comment.id} withBorder p="sm" radius="md">
          <Group justify="space-between" mb={4}>
            <Text size="sm" fw={600}>
              {comment.author}
            </Text>
            <Text size="xs" c="dimmed">
              {dateTime(comment.createdAt)}
            </Text>
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-line', wordBreak: 'break-word' }}>
            {comment.body}
          </Text>
        </Paper>
      ))}
      <PermittedFields procedure="tasks.comments.add">
        <Textarea
          label="Add a comment"
          autosize
          minRows={2}
          maxRows={8}
          maxLength={5000}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={add.error?.fields?.body ? add.error.message : undefined}
        />
      </PermittedFields>
      <Group justify="flex-end">
        <Permitted procedure="tasks.comments.add">
          <Button onClick={submit} loading={add.running} disabled={!body.trim()}>
            Add comment
          </Button>
        </Permitted>
      </Group>
    </Stack>
  );
}
