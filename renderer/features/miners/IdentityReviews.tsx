import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Input } from '../../../electron/contract';
import type { IdentityReview } from '../../../electron/contract/miners.records';
import { useCall, useQueryCall } from '../../api/useCall';
import { noValue } from './miner-format';
import { useDates } from '../../components/useDates';
import { Permitted } from '../../components/Permitted';

const sourceLabels = { manual: 'typed in', import: 'an import', discovery: 'discovery' } as const;
const openReviews = { status: 'open', limit: 100 } as const;

/** What the scan or file saw, in one line: "serial X · MAC Y · IP Z at Site". */
function observedText(review: IdentityReview): string {
  const o = review.observed;
  const parts = [o.serial && `serial ${o.serial}`, o.mac && `MAC ${o.mac}`, o.ip && `IP ${o.ip}`, o.hostname && `host ${o.hostname}`].filter(Boolean);
  const what = [o.make, o.model].filter(Boolean).join(' ');
  return `${what ? `${what}: ` : ''}${parts.join(' · ') || 'no identifiers'}${o.siteName ? ` at ${o.siteName}` : ''}`;
}

function ReviewCard({
  review,
  onResolve,
  busy,
}: {
  review: IdentityReview;
  onResolve: (input: Input<'miners.identity.reviews.resolve'>) => void;
  busy: boolean;
}) {
  const { dateTime } = useDates();
  return (
    <Paper withBorder p="sm" aria-label={`Review ${review.id}`} role="group">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2}>
            <Text fw={600} size="sm">
              {observedText(review)}
            </Text>
            <Text size="xs" c="dimmed">
              From {sourceLabels[review.source]}, {dateTime(review.createdAt)}. {review.reason}
            </Text>
          </Stack>
          <Group gap="xs" wrap="nowrap">
            <Permitted procedure="miners.identity.reviews.resolve">
              <Button size="xs" variant="default" disabled={busy} onClick={() => onResolve({ id: review.id, createNew: true })}>
                Create new miner
              </Button>
            </Permitted>
            <Permitted procedure="miners.identity.reviews.resolve">
              <Button size="xs" variant="subtle" color="gray" disabled={busy} onClick={() => onResolve({ id: review.id, dismiss: true })}>
                Dismiss
              </Button>
            </Permitted>
          </Group>
        </Group>
        {review.candidates.length > 0 && (
          <Table verticalSpacing={4} fz="sm" aria-label="Candidates" styles={{ td: { whiteSpace: 'nowrap' }, th: { whiteSpace: 'nowrap' } }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>It may be</Table.Th>
                <Table.Th>Serial</Table.Th>
                <Table.Th>MAC</Table.Th>
                <Table.Th>IP</Table.Th>
                <Table.Th>Site</Table.Th>
                <Table.Th>Client</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {review.candidates.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td fw={600}>{c.assetId}</Table.Td>
                  <Table.Td>{c.serial ?? noValue}</Table.Td>
                  <Table.Td>{c.mac ?? noValue}</Table.Td>
                  <Table.Td>{c.ip ?? noValue}</Table.Td>
                  <Table.Td>{c.siteName ?? noValue}</Table.Td>
                  <Table.Td>{c.clientName ?? noValue}</Table.Td>
                  <Table.Td ta="right">
                    <Permitted procedure="miners.identity.reviews.resolve">
                      <Button size="compact-xs" disabled={busy} onClick={() => onResolve({ id: review.id, minerId: c.id })}>
                        Apply to {c.assetId}
                      </Button>
                    </Permitted>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * Machines a scan or import could not match to one miner for sure: the badge on the Miners page
 * says how many wait, the modal lists them with their candidates.
 */
export function IdentityReviewsButton() {
  const [opened, setOpened] = useState(false);
  const reviews = useQueryCall('miners.identity.reviews.list', openReviews);
  const resolve = useCall('miners.identity.reviews.resolve', { failureTitle: 'The review was not resolved' });
  const total = reviews.data?.total ?? 0;
  if (total === 0 && !opened) return null;

  const onResolve = async (input: Input<'miners.identity.reviews.resolve'>) => {
    const outcome = await resolve.run(input);
    if (!outcome.ok) return;
    const r = outcome.value;
    const message =
      r.status === 'dismissed'
        ? 'Dismissed; no miner changed.'
        : `Applied to ${r.resolvedMiner?.assetId ?? 'the miner'}; its identity history records the change.`;
    notifications.show({ color: 'green', title: 'Review resolved', message });
  };

  return (
    <>
      <UnstyledButton onClick={() => setOpened(true)} aria-label={`${total} identities to review`}>
        <Badge size="lg" color="orange" variant="light" leftSection={<IconAlertTriangle size={14} />} style={{ cursor: 'pointer' }}>
          {total} to review
        </Badge>
      </UnstyledButton>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Identities to review" size="72rem">
        <Stack>
          <Text size="sm" c="dimmed">
            Each machine below matched more than one miner, or matched one in a way that contradicts it. Apply it to the miner it is, add it as a new miner, or
            dismiss it. The serial, MAC and IP it reported then belong to that miner alone: any other miner holding them lets go of them (the IP only at the
            same site), and each change is kept in that miner’s history and the audit log.
          </Text>
          {(reviews.data?.rows ?? []).map((review) => (
            <ReviewCard key={review.id} review={review} onResolve={onResolve} busy={resolve.running} />
          ))}
          {total === 0 && (
            <Text ta="center" py="md" c="dimmed">
              Nothing left to review.
            </Text>
          )}
          {total > (reviews.data?.rows.length ?? 0) && (
            <Text size="sm" c="dimmed">
              The first {reviews.data?.rows.length} of {total} are shown; resolve them to see the rest.
            </Text>
          )}
        </Stack>
      </Modal>
    </>
  );
}
