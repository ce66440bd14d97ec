import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { MassEditResult } from '../../../electron/contract/miners.edit';
import type { MinerFilters } from '../../../electron/contract/miners.list';
import { useCall } from '../../api/useCall';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Permitted } from '../../components/Permitted';
import { massEditSentence } from './mass-edit-summary';
import { ClientFields, NotesFields, PaidFields, SiteRackFields, StateFields, TagFields, type Draft } from './MassEditFields';

export type MassAction = 'client' | 'paid' | 'unpaid' | 'place' | 'addTags' | 'removeTags' | 'state' | 'notes';

export const massActionTitles: Record<MassAction, string> = {
  client: 'Edit client',
  paid: 'Mark paid',
  unpaid: 'Mark unpaid',
  place: 'Set site and rack',
  addTags: 'Add tags',
  removeTags: 'Remove tags',
  state: 'Set state',
  notes: 'Set notes',
};

/** The miners a mass edit changes: listed ones, or every one matching the filters ("select all N matching"). */
export type MassEditTarget = { minerIds: number[] } | { filter: MinerFilters };

/**
 * One dialog per mass action: the action's inputs, then the exact sentence of what changes
 * ("Change 240 miners: client → Acme Mining; paid → unpaid") and Confirm. Mounted while open.
 */
export function MassEditDialog(props: {
  action: MassAction;
  count: number;
  target: MassEditTarget;
  onClose: () => void;
  onDone: (result: MassEditResult, sentence: string, draft: NonNullable<Draft>) => void;
}) {
  const { action, count } = props;
  const massEdit = useCall('miners.massEdit', { quiet: true });
  // The refusal shown is the one for the choices as they are: changing them puts it away.
  const [failedFor, setFailedFor] = useState<string | null>(null);

  const footer = (draft: Draft) => {
    const sentence = draft ? massEditSentence(count, draft.changes, draft.labels) : null;
    const shownError = massEdit.error && failedFor === JSON.stringify(draft?.changes ?? null) ? massEdit.error : null;
    const confirm = async () => {
      if (!draft || !sentence) return;
      const outcome = await massEdit.run({ ...props.target, changes: draft.changes });
      if (outcome.ok) props.onDone(outcome.value, sentence, draft);
      else setFailedFor(JSON.stringify(draft.changes));
    };
    return (
      <Stack gap="sm" mt="xs">
        {sentence ? (
          <Alert color="orange" variant="light" aria-label="What changes">
            <Text size="sm" fw={500}>
              {sentence}
            </Text>
            <Text size="xs" c="dimmed" mt={4}>
              Applied in one step and written to each miner's change log. You can undo it for 30 seconds.
            </Text>
          </Alert>
        ) : (
          <Text size="sm" c="dimmed">
            Choose what to change for the {count.toLocaleString('en-US')} selected miner{count === 1 ? '' : 's'}.
          </Text>
        )}
        <ErrorAlert title="The miners were not changed" error={shownError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Permitted procedure="miners.massEdit">
            <Button onClick={confirm} loading={massEdit.running} disabled={!draft}>
              Confirm
            </Button>
          </Permitted>
        </Group>
      </Stack>
    );
  };

  return (
    <Modal opened onClose={props.onClose} title={massActionTitles[action]} size="lg" centered>
      {action === 'client' && <ClientFields footer={footer} />}
      {(action === 'paid' || action === 'unpaid') && <PaidFields paid={action === 'paid'} footer={footer} />}
      {action === 'place' && <SiteRackFields footer={footer} />}
      {(action === 'addTags' || action === 'removeTags') && <TagFields remove={action === 'removeTags'} footer={footer} />}
      {action === 'state' && <StateFields footer={footer} />}
      {action === 'notes' && <NotesFields footer={footer} />}
    </Modal>
  );
}
