import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { CallName } from '../../../../electron/contract';
import type { ContractDetail } from '../../../../electron/contract/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Permitted } from '../../../components/Permitted';
import { useCall } from '../../../api/useCall';
import { instantText, plural } from '../contract-format';

export function Confirm(props: {
  title: string;
  children: ReactNode;
  action: string;
  /** The procedure the confirm button calls: disabled, with the reason, when the role does not allow it. */
  procedure: CallName;
  color?: string;
  running: boolean;
  error: Parameters<typeof ErrorAlert>[0]['error'];
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Modal opened onClose={props.onClose} title={props.title} centered size="lg">
      <Stack gap="sm">
        {props.children}
        <ErrorAlert title="Not done" error={props.error} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Permitted procedure={props.procedure}>
            <Button color={props.color} loading={props.running} onClick={props.onConfirm} data-autofocus>
              {props.action}
            </Button>
          </Permitted>
        </Group>
      </Stack>
    </Modal>
  );
}

const held = (c: ContractDetail) =>
  c.type === 'infinity' ? `${c.contractedThs ?? '—'} TH/s` : c.type === 'om' ? plural(c.siteCount, 'site') : plural(c.minerCount, 'miner');

/** Activation: the draft gets the next permanent number of its year and is in force from its start. */
export function ActivateDialog({ contract, onClose }: { contract: ContractDetail; onClose: () => void }) {
  const activate = useCall('contracts.activate', { quiet: true });
  const run = async () => {
    const outcome = await activate.run({ id: contract.id });
    if (!outcome.ok) return;
    notifications.show({ color: 'green', title: 'Contract active', message: `${contract.draftReference} is now ${outcome.value.reference}.` });
    onClose();
  };
  return (
    <Confirm
      title={`Activate ${contract.reference}?`}
      action="Activate"
      procedure="contracts.activate"
      running={activate.running}
      error={activate.error}
      onConfirm={run}
      onClose={onClose}
    >
      <Text size="sm">
        The draft gets its permanent contract number, the next of the year in the sequence, and is in force from{' '}
        {instantText(contract.startsAt, contract.timeZone)} ({contract.timeZone}) with {held(contract)}. Drafts never use up a number.
      </Text>
    </Confirm>
  );
}

/** Renewal now: this contract becomes Renewed at its end and a successor with the same terms and equipment starts there. */
export function RenewDialog({ contract, onClose }: { contract: ContractDetail; onClose: () => void }) {
  const renew = useCall('contracts.renew', { quiet: true });
  const navigate = useNavigate();
  const run = async () => {
    const outcome = await renew.run({ id: contract.id });
    if (!outcome.ok) return;
    notifications.show({ color: 'green', title: 'Contract renewed', message: `${outcome.value.reference} follows ${contract.reference}.` });
    onClose();
    navigate(`/contracts/${outcome.value.id}`);
  };
  return (
    <Confirm
      title={`Renew ${contract.reference}?`}
      action="Renew"
      procedure="contracts.renew"
      running={renew.running}
      error={renew.error}
      onConfirm={run}
      onClose={onClose}
    >
      <Text size="sm">
        A successor with the same terms, rates and {held(contract)} starts on {instantText(contract.endsAt, contract.timeZone)}, when this one ends; this one is
        marked Renewed.
      </Text>
    </Confirm>
  );
}

/** A draft never activated goes away with its equipment list; it never had a number. */
export function DeleteDraftDialog({ contract, onClose }: { contract: ContractDetail; onClose: () => void }) {
  const remove = useCall('contracts.deleteDraft', { quiet: true });
  const navigate = useNavigate();
  const run = async () => {
    const outcome = await remove.run({ id: contract.id });
    if (!outcome.ok) return;
    notifications.show({ color: 'green', title: 'Draft deleted', message: `${contract.reference} was deleted.` });
    navigate('/contracts');
  };
  return (
    <Confirm
      title={`Delete ${contract.reference}?`}
      action="Delete draft"
      procedure="contracts.deleteDraft"
      color="red"
      running={remove.running}
      error={remove.error}
      onConfirm={run}
      onClose={onClose}
    >
      <Text size="sm">The draft and its equipment list are removed for good. The miners stay where they are. The activity log keeps a record.</Text>
    </Confirm>
  );
}
