import { NumberInput, Select, SimpleGrid, Switch, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { contract } from '../../../electron/contract';
import { exampleAddresses } from '../../../electron/contract/ip-ranges';
import { minerStates, type MinerState } from '../../../electron/contract/miners';
import type { MinerDetail } from '../../../electron/contract/miners.list';
import { useQueryCall } from '../../api/useCall';
import { FormModal } from '../../components/FormModal';
import { validateWith } from '../../components/zod-form';
import { useFormCall } from '../../components/useFormCall';
import { ClientSelect } from './ClientPickers';
import { minerStateLabels } from './miner-format';
import { useRackOptions } from './useRackOptions';

type FormValues = {
  assetId: string;
  serial: string;
  mac: string;
  ip: string;
  hostname: string;
  modelId: number | null;
  make: string;
  model: string;
  firmware: string;
  workerName: string;
  siteId: number | null;
  rackId: number | null;
  rackPosition: number | null;
  clientId: number | null;
  paid: boolean;
  state: MinerState;
  tags: string[];
  notes: string;
};

const createSchema = contract['miners.create'].input;

function initialValues(miner: MinerDetail | null): FormValues {
  return {
    assetId: miner?.assetId ?? '',
    serial: miner?.serial ?? '',
    mac: miner?.mac ?? '',
    ip: miner?.ip ?? '',
    hostname: miner?.hostname ?? '',
    modelId: miner?.modelId ?? null,
    make: miner?.make ?? '',
    model: miner?.model ?? '',
    firmware: miner?.firmware ?? '',
    workerName: miner?.workerName ?? '',
    siteId: miner?.siteId ?? null,
    rackId: miner?.rackId ?? null,
    rackPosition: miner?.rackPosition ?? null,
    clientId: miner?.client?.id ?? null,
    paid: miner?.paid ?? true,
    state: miner?.state ?? 'staged',
    tags: miner?.tags ?? [],
    notes: miner?.notes ?? '',
  };
}

const idValue = (value: string | null) => (value ? Number(value) : null);

/** Add a miner (miner = null) or edit one; the asset ID is chosen once and never changes. Mount it while open. */
export function MinerFormModal({ miner, onClose, onSaved }: { miner: MinerDetail | null; onClose: () => void; onSaved?: (miner: MinerDetail) => void }) {
  const models = useQueryCall('models.list', {});
  const form = useForm<FormValues>({ initialValues: initialValues(miner), validate: validateWith(createSchema) });
  const create = useFormCall('miners.create', form, { failureTitle: 'The miner was not added' });
  const update = useFormCall('miners.update', form, { failureTitle: 'The miner was not saved' });
  const { sites, racks } = useRackOptions(form.values.siteId ? [form.values.siteId] : [], true);

  const submit = form.onSubmit(async ({ assetId, ...values }) => {
    const outcome = miner ? await update.run({ id: miner.id, ...values }) : await create.run({ assetId, ...values });
    if (!outcome.ok) return;
    notifications.show({ color: 'green', title: miner ? 'Miner saved' : 'Miner added', message: `${outcome.value.assetId} is in the inventory.` });
    onSaved?.(outcome.value);
    onClose();
  });

  return (
    <FormModal
      title={miner ? `Edit ${miner.assetId}` : 'Add miner'}
      submitLabel={miner ? 'Save miner' : 'Add miner'}
      saving={create.running || update.running}
      procedure={miner ? 'miners.update' : 'miners.create'}
      onSubmit={submit}
      onClose={onClose}
    >
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
        <TextInput
          label="Asset ID"
          placeholder="The next free ID of your series"
          title={miner ? 'A miner keeps its asset ID for life' : undefined}
          disabled={miner !== null}
          data-autofocus
          {...form.getInputProps('assetId')}
        />
        <TextInput label="Serial" {...form.getInputProps('serial')} />
        <TextInput label="MAC" placeholder="AA:BB:CC:DD:EE:FF" {...form.getInputProps('mac')} />
        <TextInput label="IP" placeholder={exampleAddresses.address} {...form.getInputProps('ip')} />
        <TextInput label="Hostname" {...form.getInputProps('hostname')} />
        <Select
          label="Catalogue model"
          placeholder="Not in the catalogue"
          searchable
          clearable
          data={(models.data ?? []).map((m) => ({ value: String(m.id), label: `${m.make} ${m.model}` }))}
          value={form.values.modelId === null ? null : String(form.values.modelId)}
          onChange={(value) => {
            const chosen = models.data?.find((m) => m.id === Number(value));
            form.setValues({ modelId: idValue(value), ...(chosen && { make: chosen.make, model: chosen.model }) });
          }}
          error={form.errors.modelId}
        />
        <TextInput label="Make" {...form.getInputProps('make')} />
        <TextInput label="Model" {...form.getInputProps('model')} />
        <TextInput label="Firmware" {...form.getInputProps('firmware')} />
        <TextInput label="Pool worker" {...form.getInputProps('workerName')} />
        <Select
          label="Site"
          placeholder="Not placed"
          clearable
          data={sites.map((s) => ({ value: String(s.id), label: s.name }))}
          value={form.values.siteId === null ? null : String(form.values.siteId)}
          onChange={(value) => form.setValues({ siteId: idValue(value), rackId: null, rackPosition: null })}
          error={form.errors.siteId}
        />
        <Select
          label="Rack"
          placeholder={form.values.siteId ? 'Not in a rack' : 'Choose a site first'}
          disabled={!form.values.siteId}
          searchable
          clearable
          data={racks}
          value={form.values.rackId === null ? null : String(form.values.rackId)}
          onChange={(value) => form.setValues({ rackId: idValue(value), ...(value === null && { rackPosition: null }) })}
          error={form.errors.rackId}
        />
        <NumberInput
          label="Position in the rack"
          min={1}
          max={60}
          allowDecimal={false}
          disabled={!form.values.rackId}
          value={form.values.rackPosition ?? ''}
          onChange={(value) => form.setFieldValue('rackPosition', typeof value === 'number' ? value : null)}
          error={form.errors.rackPosition}
        />
        <Select
          label="State"
          allowDeselect={false}
          data={minerStates.map((s) => ({ value: s, label: minerStateLabels[s] }))}
          {...form.getInputProps('state')}
        />
      </SimpleGrid>
      <ClientSelect label="Client" value={form.values.clientId} onChange={(clientId) => form.setFieldValue('clientId', clientId)} />
      <Switch label="Paid: hosting for this miner is paid up" {...form.getInputProps('paid', { type: 'checkbox' })} />
      <TagsInput label="Tags" description="Press Enter after each tag" maxTags={20} {...form.getInputProps('tags')} />
      <Textarea label="Notes" autosize minRows={2} maxLength={2000} {...form.getInputProps('notes')} />
    </FormModal>
  );
}
