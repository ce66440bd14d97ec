import { ActionIcon, Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { z } from 'zod';
import { poolSchema, type DeviceTarget, type PoolInput } from '../../../electron/contract/devices';
import { deviceActionLabels, type DeviceActionKind } from '../../../electron/contract/devices.vocab';
import { useCall, useQueryCall } from '../../api/useCall';
import { ErrorAlert } from '../../components/ErrorAlert';
import { sentenceCase, validateWith } from '../../components/zod-form';
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
  const start = useCall('devices.actions.start', { failureTitle: 'The action did not start' });
  const form = usePoolsForm();
  const p = preview.data;
  const count = p ? actionableCount(p) : 0;
  const blocked = !p || count === 0 || (kind === 'pool_redirect' && !p.holdingPoolSet);

  const confirm = async () => {
    if (kind === 'set_pools' && form.validate().hasErrors) return;
    const action = kind === 'set_pools' ? { kind, pools: form.getValues().pools } : { kind };
    const outcome = await start.run({ target, action });
    if (outcome.ok) setRunId(outcome.value.runId);
    else if (outcome.error.fields)
      form.setErrors(sentenceCase(Object.fromEntries(Object.entries(outcome.error.fields).map(([k, v]) => [k.replace(/^action\./, ''), v]))));
  };

  return (
    <Modal opened onClose={props.onClose} title={`${deviceActionLabels[kind]}: ${props.title}`} size="xl" centered>
      {runId === null ? (
        <Stack gap="sm">
          <Text size="sm">{kindExplanations[kind]}</Text>
          {kind === 'set_pools' && <PoolFields form={form} />}
          <ErrorAlert title="The miners could not be listed" error={preview.error?.apiError} />
          <DevicePreview preview={p} />
          <ErrorAlert title="The action did not start" error={start.error} />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button color={kind === 'reboot' || kind === 'pool_redirect' ? 'orange' : undefined} disabled={blocked} loading={start.running} onClick={confirm}>
              {confirmLabel(kind, count)}
            </Button>
          </Group>
        </Stack>
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
