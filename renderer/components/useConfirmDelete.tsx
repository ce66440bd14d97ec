import { Button, Group, Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useCall } from '../api/useCall';
import { Permitted } from './Permitted';

type DeleteCall = 'clients.contacts.delete' | 'clients.documents.delete' | 'sites.rooms.delete' | 'sites.racks.delete';

type Wording<T> = {
  /** "contact", "document". */
  noun: string;
  /** How the record is named to the user. */
  nameOf: (record: T) => string;
  /** What deleting it means, in a sentence or two. */
  consequence: (record: T) => string;
};

/**
 * Delete with confirmation: `ask(record)` opens a modal naming the record; the tab renders `modal`.
 * Deleting is for good, so it is never one click.
 */
export function useConfirmDelete<T extends { id: number }>(name: DeleteCall, wording: Wording<T>) {
  const remove = useCall(name, { failureTitle: `The ${wording.noun} was not deleted` });
  const [target, setTarget] = useState<T | null>(null);

  const confirm = async (record: T) => {
    const outcome = await remove.run({ id: record.id });
    if (!outcome.ok) return;
    const noun = wording.noun.charAt(0).toUpperCase() + wording.noun.slice(1);
    notifications.show({ color: 'green', title: `${noun} deleted`, message: `${wording.nameOf(record)} was deleted.` });
    setTarget(null);
  };

  const modal = target && (
    <Modal opened onClose={() => setTarget(null)} title={`Delete ${wording.nameOf(target)}?`} centered>
      <Text size="sm">{wording.consequence(target)}</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={() => setTarget(null)}>
          Cancel
        </Button>
        <Permitted procedure={name}>
          <Button color="red" loading={remove.running} onClick={() => confirm(target)} data-autofocus>
            Delete {wording.noun}
          </Button>
        </Permitted>
      </Group>
    </Modal>
  );
  return { ask: setTarget, modal };
}
