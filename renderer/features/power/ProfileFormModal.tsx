import { ActionIcon, Alert, Button, Divider, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { MeterProfile, PduProfile } from '../../../electron/contract/power.profiles';
import { registerTypes } from '../../../electron/contract/power.profiles';
import type { PowerDeviceKind } from '../../../electron/contract/power.vocab';
import { sentenceCase } from '../../components/zod-form';
import { useFormCall } from '../../components/useFormCall';
import { hasOldCyberPowerOids, meterText, pduText, profileErrors, profileInput, type MeterText, type PduText } from './profile-form';
import { PermittedSubmit } from '../../components/Permitted';

/** What the editor opens with: a new profile, a copy of another, or a custom one to edit (id set). */
export type ProfileDraft = { id: number | null; kind: PowerDeviceKind; name: string; definition: PduProfile | MeterProfile | null };

type Values = { kind: PowerDeviceKind; name: string; pdu: PduText; meter: MeterText };

const bitsData = [
  { value: 'none', label: 'Does not wrap' },
  { value: '32', label: '32-bit' },
  { value: '64', label: '64-bit' },
];

type Props = { form: ReturnType<typeof useForm<Values>> };

function OidRow({ form, path, label, counter }: Props & { path: string; label: string; counter?: boolean }) {
  return (
    <SimpleGrid cols={counter ? 3 : 2} spacing="xs">
      <TextInput label={`${label} OID`} placeholder="1.3.6.1.4.1.318.1.1.26.9.4.3.1.7.{outlet}" {...form.getInputProps(`${path}.oid`)} />
      <TextInput label="Scale" placeholder="1" {...form.getInputProps(`${path}.scale`)} />
      {counter && <Select label="Counter width" data={bitsData} allowDeselect={false} {...form.getInputProps(`${path}.bits`)} />}
    </SimpleGrid>
  );
}

function RegisterRow({ form, path, label, counter }: Props & { path: string; label: string; counter?: boolean }) {
  return (
    <SimpleGrid cols={counter ? 6 : 5} spacing="xs">
      <Select
        label={`${label}: function`}
        data={[
          { value: '3', label: '3 holding' },
          { value: '4', label: '4 input' },
        ]}
        allowDeselect={false}
        {...form.getInputProps(`${path}.function`)}
      />
      <NumberInput label="Address" allowDecimal={false} allowNegative={false} hideControls placeholder="not read" {...form.getInputProps(`${path}.address`)} />
      <Select label="Type" data={[...registerTypes]} allowDeselect={false} {...form.getInputProps(`${path}.type`)} />
      <Select
        label="Word order"
        data={[
          { value: 'big', label: 'High first' },
          { value: 'little', label: 'Low first' },
        ]}
        allowDeselect={false}
        {...form.getInputProps(`${path}.wordOrder`)}
      />
      <TextInput label="Scale" {...form.getInputProps(`${path}.scale`)} />
      {counter && <Select label="Counter width" data={bitsData} allowDeselect={false} {...form.getInputProps(`${path}.bits`)} />}
    </SimpleGrid>
  );
}

/** The profile editor: OID templates, scales and on/off values for a PDU; a register map for a meter. Errors show under each field. */
export function ProfileFormModal({ draft, onClose }: { draft: ProfileDraft; onClose: () => void }) {
  const form = useForm<Values>({
    initialValues: {
      kind: draft.kind,
      name: draft.name,
      pdu: pduText(draft.kind === 'pdu' ? (draft.definition as PduProfile | null) : null),
      meter: meterText(draft.kind === 'meter' ? (draft.definition as MeterProfile | null) : null),
    },
  });
  const { values } = form;
  // The API's paths (definition.outlet.name.oid, definition.extra.<label>…) to the editor's rows, for the kind being saved.
  const failure = {
    failureTitle: 'The profile was not saved',
    fieldsOf: (fields: Record<string, string> | undefined) => profileErrors(sentenceCase(fields), form.getValues().kind, form.getValues().meter),
  };
  const create = useFormCall('power.profiles.create', form, failure);
  const update = useFormCall('power.profiles.update', form, failure);

  const submit = form.onSubmit(async ({ kind, name, pdu, meter }) => {
    const input = profileInput(kind, name, pdu, meter);
    const outcome = draft.id === null ? await create.run(input) : await update.run({ ...input, id: draft.id });
    if (!outcome.ok) return;
    notifications.show({
      color: 'green',
      title: 'Profile saved',
      message: `${outcome.value.label} can be chosen for ${kind === 'pdu' ? 'PDUs' : 'meters'} now.`,
    });
    onClose();
  });

  return (
    <Modal opened onClose={onClose} size="xl" centered title={draft.id === null ? 'New power profile' : `Edit ${draft.name}`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <TextInput label="Name" withAsterisk data-autofocus placeholder="Raritan PX3" {...form.getInputProps('name')} />
            <Select
              label="Kind"
              disabled={draft.id !== null}
              data={[
                { value: 'pdu', label: 'PDU (SNMP)' },
                { value: 'meter', label: 'Meter (Modbus TCP)' },
              ]}
              allowDeselect={false}
              {...form.getInputProps('kind')}
            />
          </SimpleGrid>
          {values.kind === 'pdu' ? (
            <>
              <Text size="xs" c="dimmed">
                Numeric OIDs; write {'{outlet}'} where the outlet number goes. A reading is the raw value × scale, in W or Wh. Leave an OID empty when the model
                does not have it.
              </Text>
              <TextInput label="Outlet count OID" withAsterisk {...form.getInputProps('pdu.outletCountOid')} />
              <Divider label="Per outlet" labelPosition="left" />
              <TextInput label="Name OID" {...form.getInputProps('pdu.outlet.nameOid')} />
              <OidRow form={form} path="pdu.outlet.powerW" label="Power" />
              <OidRow form={form} path="pdu.outlet.energyWh" label="Energy" counter />
              <SimpleGrid cols={3} spacing="xs">
                <TextInput label="State OID" {...form.getInputProps('pdu.outlet.state.oid')} />
                <TextInput label="Values meaning on" placeholder="2" {...form.getInputProps('pdu.outlet.state.on')} />
                <TextInput label="Values meaning off" placeholder="1" {...form.getInputProps('pdu.outlet.state.off')} />
              </SimpleGrid>
              {hasOldCyberPowerOids(values.pdu) && (
                <Alert color="orange" title="These OIDs are not outlet power and energy">
                  On a CyberPower ePDU, …3.5.1.1.6 is the outlet's bank number and …3.5.1.1.7 its current in tenths of amps; the CPS-MIB puts power at
                  …3.5.1.1.8 (W) and energy at …3.5.1.1.13 (0.1 kWh, scale 100). An earlier built-in profile had them wrong, so a copy of it reads wrong values.
                </Alert>
              )}
              <Divider label="Device total" labelPosition="left" />
              <TextInput
                label="Inlet count OID"
                description="For a PDU with several inlets: the total OIDs then carry {inlet}, and the total is the sum over inlets 1 to this count."
                {...form.getInputProps('pdu.total.inletCountOid')}
              />
              <OidRow form={form} path="pdu.total.powerW" label="Power" />
              <OidRow form={form} path="pdu.total.energyWh" label="Energy" counter />
            </>
          ) : (
            <>
              <Select
                label="Addressing"
                data={[
                  { value: '0', label: 'Addresses as written (0-based)' },
                  { value: '1', label: 'Manual counts from 1 (e.g. 30001): subtract 1' },
                ]}
                allowDeselect={false}
                {...form.getInputProps('meter.addressing')}
              />
              <RegisterRow form={form} path="meter.powerW" label="Power (W)" />
              <RegisterRow form={form} path="meter.energyWh" label="Energy (Wh)" counter />
              <Divider label="Other values shown with the meter" labelPosition="left" />
              {values.meter.extra.map((_, i) => (
                <Group key={i} align="flex-end" wrap="nowrap" gap="xs">
                  <TextInput label="Label" w={140} {...form.getInputProps(`meter.extra.${i}.label`)} />
                  <div style={{ flex: 1 }}>
                    <RegisterRow form={form} path={`meter.extra.${i}`} label="Register" />
                  </div>
                  <ActionIcon variant="subtle" color="red" aria-label={`Remove value ${i + 1}`} onClick={() => form.removeListItem('meter.extra', i)} mb={4}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
              <Button
                variant="default"
                size="xs"
                leftSection={<IconPlus size={14} />}
                onClick={() => form.insertListItem('meter.extra', { label: '', function: '4', address: '', type: 'float32', wordOrder: 'big', scale: '1' })}
                w="fit-content"
              >
                Add a value
              </Button>
            </>
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <PermittedSubmit procedure={draft.id === null ? 'power.profiles.create' : 'power.profiles.update'} saving={create.running || update.running}>
              Save profile
            </PermittedSubmit>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
