import { Alert, Anchor, Button, Card, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDatabaseImport } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ScanResultRow } from '../../../electron/contract/discovery';
import { useCall } from '../../api/useCall';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDates } from '../../components/useDates';
import { commitResultSentence, isCommittable, planCommit, planSentence } from './discovery-format';
import { FindingsTable, type FindingChoice } from './FindingsTable';
import { MissingMiners } from './MissingMiners';
import { useScanReview } from './useScanData';
import { Permitted } from '../../components/Permitted';

const allCommittable = (rows: ScanResultRow[]) => new Set(rows.filter(isCommittable).map((row) => row.id));

/**
 * The review step of an ended scan: what updating the inventory does to each finding, which ones to take
 * (every identified one unless changed), the known miners that did not answer, and one confirmed update.
 */
export function ReviewPanel({ scanId }: { scanId: number }) {
  const review = useScanReview(scanId, true);
  const navigate = useNavigate();
  const commit = useCall('discovery.commit', { failureTitle: 'The inventory was not updated' });
  const [picked, setPicked] = useState<Set<number> | null>(null);
  const [markOffline, setMarkOffline] = useState(true);
  const [confirming, setConfirming] = useState(false);
  const { dateTime } = useDates(review.data?.scan.siteId);

  const rows = useMemo(() => review.data?.rows ?? [], [review.data]);
  const missing = review.data?.missing ?? [];
  const chosen = picked ?? allCommittable(rows);
  const plan = planCommit(rows, chosen, missing, markOffline);
  const nothingToDo = plan.created + plan.updated + plan.sentToReview + plan.markedOffline === 0;

  const choice: FindingChoice = {
    chosen,
    onToggle: (id) => {
      const next = new Set(chosen);
      if (!next.delete(id)) next.add(id);
      setPicked(next);
    },
    onToggleAll: (ids, on) => {
      const next = new Set(chosen);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      setPicked(next);
    },
  };

  const confirm = async () => {
    const outcome = await commit.run({ scanId, resultIds: [...chosen], markMissingOffline: markOffline });
    setConfirming(false);
    if (!outcome.ok) return;
    const id = `scan-commit-${scanId}`;
    notifications.show({
      id,
      color: 'green',
      title: 'Inventory updated',
      autoClose: 12_000,
      message: (
        <>
          {commitResultSentence(outcome.value)}{' '}
          <Anchor
            href="/miners"
            size="sm"
            onClick={(event) => {
              event.preventDefault();
              notifications.hide(id);
              navigate('/miners');
            }}
          >
            Open the Miners page
          </Anchor>
        </>
      ),
    });
  };

  if (review.isLoading) return <Loader size="sm" aria-label="Loading the review" />;
  if (!review.data) return <ErrorAlert title="The findings could not be read" error={review.error?.apiError} />;
  const { scan } = review.data;
  return (
    <Stack gap="md">
      <Card withBorder radius="md" padding="md" aria-label="Review" role="region">
        <Group justify="space-between" align="center">
          <Stack gap={2}>
            <Text fw={700}>Review and add to the inventory</Text>
            <Text size="sm" c="dimmed">
              Tick the findings to add. New machines become miners{scan.siteName ? ` of ${scan.siteName}` : ''}, moved ones get their new details, and unclear
              ones go to the identity review list on the Miners page.
            </Text>
            <Text size="sm" fw={500}>
              {planSentence(plan)}
            </Text>
          </Stack>
          <Permitted procedure="discovery.commit">
            <Button
              leftSection={<IconDatabaseImport size={18} />}
              disabled={nothingToDo}
              // A disabled button takes the card's own colour in the dark scheme: its outline keeps it in sight.
              style={nothingToDo ? { border: '1px solid var(--mantine-color-default-border)' } : undefined}
              onClick={() => setConfirming(true)}
            >
              Update inventory
            </Button>
          </Permitted>
        </Group>
        {scan.committedAt && (
          <Alert color="teal" variant="light" mt="sm">
            The inventory was updated from this scan on {dateTime(scan.committedAt)}. What is shown now compares the findings with the inventory as it is since
            then.
          </Alert>
        )}
      </Card>
      <MissingMiners missing={missing} markOffline={markOffline} onMarkOffline={setMarkOffline} />
      <FindingsTable rows={rows} choice={choice} emptyText="Nothing answered on these ranges and ports." />
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={`Update the inventory from scan #${scan.id}?`} centered>
        <Stack>
          <Text>{planSentence(plan)}</Text>
          <Text size="sm" c="dimmed">
            Every change is recorded in the audit log, and the scan stays in the history.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button loading={commit.running} onClick={confirm}>
              Update inventory
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
