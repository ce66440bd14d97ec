import { Alert, Button, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import type { BatchProgress } from '../../../../electron/contract/invoices';
import { useCall } from '../../../api/useCall';
import { Permitted } from '../../../components/Permitted';
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

/** What a finished run did, in a sentence: nothing to bill, what was left alone, why it stopped. */
function endingText(batch: BatchProgress): string {
  if (batch.state === 'failed') return batch.error ?? 'The batch stopped; what was made before is kept. Run it again to complete the month.';
  if (batch.state === 'cancelled')
    return `Cancelled after ${batch.clientsDone} of ${plural(batch.clients, 'client')}. What was made is kept; running the batch again completes the month without duplicates.`;
  if (batch.clients === 0) return 'No client had a contract in force that month.';
  const made = batch.created + batch.refreshed;
  const left =
    batch.skipped > 0
      ? ` ${plural(batch.skipped, 'invoice')} already there ${batch.skipped === 1 ? 'was' : 'were'} left as ${batch.skipped === 1 ? 'it was' : 'they were'}.`
      : '';
  return `${plural(batch.clients, 'client')} gone through: ${plural(made, 'invoice')} made or recomputed${batch.held ? `, ${batch.held} of them held` : ''}.${left}`;
}

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
          {endingText(batch)}
        </Alert>
      )}
      <Group justify="flex-end">
        {running ? (
          <Permitted procedure="invoices.batch.cancel">
            <Button color="red" variant="light" loading={cancel.running} onClick={() => void cancel.run({})}>
              Cancel batch
            </Button>
          </Permitted>
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
