import { ActionIcon, Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { z } from 'zod';
import { poolSchema, type DeviceTarget, type PoolInput } from '../../../electron/contract/devices';
import { deviceActionLabels, type DeviceActionKind } from '../../../electron/contract/devices.vocab';
import { useQueryCall } from '../../api/useCall';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PermittedSubmit } from '../../components/Permitted';
import { sentenceCase, validateWith } from '../../components/zod-form';
import { useFormCall } from '../../components/useFormCall';
import { ActionRunView } from './ActionRunView';
import { confirmLabel, emptyPool, kindExplanations } from './device-format';
import { actionableCount, DevicePreview } from './DevicePreview';

const poolsFormSchema = z.object({ pools: z.array(poolSchema).min(1, 'give at least one pool').max(3, 'a miner takes at most 3 pools') });

const usePoolsForm = () => useForm<{ pools: PoolInput[] }>({ initialValues: { pools: [emptyPool()] }, validate: validateWith(poolsFormSchema) });

/** Set pools: one to three pools, the password write-only. */
function PoolFields({ form }: { form: ReturnType<typeof usePoolsForm> }) {
  const pools = form.getValues().pools;
  return (
    <Stack gap="xs" role="group" aria-label="Pools">
      {pools.map((_, i) => (
        <Group key={i} align="flex-start" gap="xs" wrap="nowrap">
          <TextInput
            label={`Pool ${i + 1} URL`}
            placeholder="stratum+tcp://pool.example.com:3333"
            style={{ flex: 3 }}
            withAsterisk
            {...form.getInputProps(`pools.${i}.url`)}
          />
          <TextInput label="Worker" style={{ flex: 2 }} withAsterisk {...form.getInputProps(`pools.${i}.worker`)} />
          <PasswordInput label="Password" placeholder="x" style={{ flex: 1 }} autoComplete="new-password" {...form.getInputProps(`pools.${i}.password`)} />
          <ActionIcon
            mt={26}
            variant="subtle"
            color="gray"
            aria-label={`Remove pool ${i + 1}`}
            disabled={pools.length === 1}
            onClick={() => form.removeListItem('pools', i)}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      {pools.length < 3 && (
        <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} w="fit-content" onClick={() => form.insertListItem('pools', emptyPool())}>
          Add a fallback pool
        </Button>
      )}
    </Stack>
  );
}

/**
 * One device action: the confirmation (per family: supported or not, missing logins, miners left out), then
 * the run's live results. Mounted while open; `title` names the miners ("12 selected miners", "Acme's unpaid miners").
 */
export function DeviceActionDialog(props: { kind: DeviceActionKind; target: DeviceTarget; title: string; onClose: () => void }) {
  const { kind, target } = props;
  const [runId, setRunId] = useState<number | null>(null);
  const preview = useQueryCall('devices.actions.preview', { target, kind }, { enabled: runId === null });
  const form = usePoolsForm();
  // The API names pool fields under "action." (action.pools.0.url); the form holds the pools at its top.
  const start = useFormCall('devices.actions.start', form, {
    failureTitle: 'The action did not start',
    fieldsOf: (fields) => sentenceCase(Object.fromEntries(Object.entries(fields ?? {}).map(([k, v]) => [k.replace(/^action\./, ''), v]))),
  });
  const p = preview.data;
  const count = p ? actionableCount(p) : 0;
  const blocked = !p || count === 0 || (kind === 'pool_redirect' && !p.holdingPoolSet);

  const confirm = async () => {
    if (kind === 'set_pools' && form.validate().hasErrors) return;
    const action = kind === 'set_pools' ? { kind, pools: form.getValues().pools } : { kind };
    const outcome = await start.run({ target, action });
    if (outcome.ok) setRunId(outcome.value.runId);
  };

  return (
    <Modal opened onClose={props.onClose} title={`${deviceActionLabels[kind]}: ${props.title}`} size="xl" centered>
      {runId === null ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void confirm();
          }}
        >
          <Stack gap="sm">
            <Text size="sm">{kindExplanations[kind]}</Text>
            {kind === 'set_pools' && <PoolFields form={form} />}
            <ErrorAlert title="The miners could not be listed" error={preview.error?.apiError} />
            <DevicePreview preview={p} />
            <Group justify="flex-end" mt="xs">
              <Button variant="default" onClick={props.onClose}>
                Cancel
              </Button>
              <PermittedSubmit
                procedure="devices.actions.start"
                saving={start.running}
                color={kind === 'reboot' || kind === 'pool_redirect' ? 'orange' : undefined}
                disabled={blocked}
              >
                {confirmLabel(kind, count)}
              </PermittedSubmit>
            </Group>
          </Stack>
        </form>
      ) : (
        <Stack gap="sm">
          <ActionRunView runId={runId} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Close
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
