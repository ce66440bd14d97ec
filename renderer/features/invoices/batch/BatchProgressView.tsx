import { Alert, Button, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import type { BatchProgress } from '../../../../electron/contract/invoices';
import { useCall } from '../../../api/useCall';
import { plural } from '../../contracts/contract-format';
import { invoicesOfPeriodPath } from '../invoice-list-params';
import { monthText } from '../invoice-format';

function Count({ label, value }: { label: string; value: number }) {
  return (
    <Stack gap={0} align="center">
      <Text size="xl" fw={700} aria-label={`${label}: ${value}`}>
        {value}
      </Text>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
    </Stack>
  );
}

const endings: Record<Exclude<BatchProgress['state'], 'running'>, { color: string; title: string }> = {
  done: { color: 'green', title: 'Batch finished' },
  cancelled: { color: 'yellow', title: 'Batch cancelled' },
  failed: { color: 'red', title: 'Batch stopped' },
};

/** A run's progress while it goes (with Cancel), then what it made and the way to that month's invoices. */
export function BatchProgressView({ batch, onClose, onAgain }: { batch: BatchProgress; onClose: () => void; onAgain: () => void }) {
  const cancel = useCall('invoices.batch.cancel', { failureTitle: 'The batch was not cancelled' });
  const navigate = useNavigate();
  const percent = batch.clients === 0 ? 100 : Math.round((batch.clientsDone * 100) / batch.clients);
  const running = batch.state === 'running';
  const ending = batch.state === 'running' ? null : endings[batch.state];

  return (
    <Stack gap="md">
      <Text size="sm">
        {monthText(batch.period)}: {batch.clientsDone} of {plural(batch.clients, 'client')} done.
      </Text>
      <Progress value={percent} animated={running} size="lg" aria-label={`Batch progress: ${batch.clientsDone} of ${batch.clients} clients`} />
      <SimpleGrid cols={5}>
        <Count label="Created" value={batch.created} />
        <Count label="Recomputed" value={batch.refreshed} />
        <Count label="Skipped" value={batch.skipped} />
        <Count label="Held" value={batch.held} />
        <Count label="Issued" value={batch.issued} />
      </SimpleGrid>
      {ending && (
        <Alert color={ending.color} title={ending.title} role="status">
          {batch.state === 'cancelled' && 'What was made before the cancel is kept; running the batch again completes the month without duplicates. '}
          {batch.error}
          {batch.state === 'done' && batch.clients === 0 && 'No client had a contract in force that month.'}
        </Alert>
      )}
      <Group justify="flex-end">
        {running ? (
          <Button color="red" variant="light" loading={cancel.running} onClick={() => void cancel.run({})}>
            Cancel batch
          </Button>
        ) : (
          <>
            <Button variant="default" onClick={onAgain}>
              Run another
            </Button>
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
            <Button
              onClick={() => {
                onClose();
                navigate(invoicesOfPeriodPath(batch.period));
              }}
            >
              Show {monthText(batch.period)} invoices
            </Button>
          </>
        )}
      </Group>
    </Stack>
  );
}
