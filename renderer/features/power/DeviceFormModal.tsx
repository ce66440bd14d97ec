import { Button, Group, NumberInput, SegmentedControl, Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlugConnected } from '@tabler/icons-react';
import { useState } from 'react';
import { notifications } from '@mantine/notifications';
import type { Input } from '../../../electron/contract';
import type { PowerDevice, PowerTestResult } from '../../../electron/contract/power';
import type { PowerDeviceKind, snmpVersions } from '../../../electron/contract/power.vocab';
import { useQueryCall } from '../../api/useCall';
import { FormModal } from '../../components/FormModal';
import { sentenceCase } from '../../components/zod-form';
import { useFormCall } from '../../components/useFormCall';
import { TestOutcome } from './TestOutcome';
import { DeviceProtocolFields } from './DeviceProtocolFields';
import { maxManualOutlets } from '../../../electron/contract/power';
import { Permitted } from '../../components/Permitted';

export type DeviceFormValues = {
  kind: PowerDeviceKind;
  siteId: string | null;
  rackId: string | null;
  name: string;
  host: string;
  port: number | string;
  profile: string | null;
  version: (typeof snmpVersions)[number];
  user: string;
  securityLevel: 'noAuthNoPriv' | 'authNoPriv' | 'authPriv';
  authProtocol: string | null;
  privProtocol: string | null;
  community: string;
  authKey: string;
  privKey: string;
  unitId: number | string;
  meteredDeviceId: string | null;
  outletCount: number | string;
  enabled: boolean;
};

const profileValue = (device: PowerDevice) => (device.builtinProfile ? `builtin:${device.builtinProfile}` : `custom:${device.customProfileId}`);

/** API field paths (secrets.community, snmp.user, modbus.unitId…) to the form's flat fields. */
function formErrors(fields: Record<string, string> | undefined): Record<string, string> {
  const mapped: Record<string, string> = {};
  for (const [path, reason] of Object.entries(sentenceCase(fields))) {
    const last = path.split('.').pop()!;
    const key = ['builtinProfile', 'customProfileId', 'profile'].includes(last) ? 'profile' : last;
    mapped[key] ??= reason;
  }
  return mapped;
}

function toInput(values: DeviceFormValues): Input<'power.devices.create'> {
  const [source, key] = (values.profile ?? ':').split(':');
  const base = {
    // Left empty, the site is sent as missing, so the answer is "is required".
    siteId: values.siteId ? Number(values.siteId) : (undefined as unknown as number),
    rackId: values.rackId ? Number(values.rackId) : null,
    name: values.name,
    host: values.host,
    port: values.port === '' ? undefined : Number(values.port),
    builtinProfile: source === 'builtin' ? key : null,
    customProfileId: source === 'custom' ? Number(key) : null,
    enabled: values.enabled,
  };
  if (values.kind === 'manual') {
    const { siteId, rackId, name, enabled } = base;
    return { kind: 'manual', siteId, rackId, name, outletCount: values.outletCount === '' ? 0 : Number(values.outletCount), enabled };
  }
  if (values.kind === 'meter') {
    return {
      kind: 'meter',
      ...base,
      modbus: { unitId: Number(values.unitId) },
      meteredDeviceId: values.meteredDeviceId ? Number(values.meteredDeviceId) : null,
    };
  }
  const v3 = values.version === '3';
  // Secrets are write-only: an empty box sends nothing, so what is stored stays.
  const secrets = Object.fromEntries(
    (v3 ? (['authKey', 'privKey'] as const) : (['community'] as const)).filter((k) => values[k] !== '').map((k) => [k, values[k]]),
  );
  return {
    kind: 'pdu',
    ...base,
    snmp: v3
      ? {
          version: '3',
          user: values.user,
          securityLevel: values.securityLevel,
          authProtocol: (values.authProtocol ?? undefined) as never,
          privProtocol: (values.privProtocol ?? undefined) as never,
        }
      : { version: values.version },
    secrets,
  };
}

/** Add (device = null) or edit a PDU, meter or manual device; secrets are never shown, only replaced. */
export function DeviceFormModal({ device, onClose, onSaved }: { device: PowerDevice | null; onClose: () => void; onSaved?: (device: PowerDevice) => void }) {
  const [tested, setTested] = useState<PowerTestResult | null>(null);
  const form = useForm<DeviceFormValues>({
    initialValues: {
      kind: device?.kind ?? 'pdu',
      siteId: device ? String(device.siteId) : null,
      rackId: device?.rackId ? String(device.rackId) : null,
      name: device?.name ?? '',
      host: device?.host ?? '',
      port: device?.port ?? '',
      profile: device ? profileValue(device) : null,
      version: device?.snmp?.version ?? '2c',
      user: device?.snmp?.user ?? '',
      securityLevel: device?.snmp?.securityLevel ?? 'authPriv',
      authProtocol: device?.snmp?.authProtocol ?? 'sha',
      privProtocol: device?.snmp?.privProtocol ?? 'aes',
      community: '',
      authKey: '',
      privKey: '',
      unitId: device?.modbus?.unitId ?? 1,
      meteredDeviceId: device?.meteredDeviceId ? String(device.meteredDeviceId) : null,
      outletCount: device?.outletCount ?? 0,
      enabled: device?.enabled ?? true,
    },
  });
  const { values } = form;
  // The profile rule is checked after the fields, so with other gaps it is said here too.
  const fieldsOf = (fields: Record<string, string> | undefined) => ({
    ...formErrors(fields),
    ...(form.getValues().profile || form.getValues().kind === 'manual' ? {} : { profile: 'Choose one profile: a built-in one or a custom one.' }),
  });
  const create = useFormCall('power.devices.create', form, { failureTitle: 'The device was not added', fieldsOf });
  const update = useFormCall('power.devices.update', form, { failureTitle: 'The device was not saved', fieldsOf });
  const test = useFormCall('power.devices.test', form, { failureTitle: 'The test did not run', fieldsOf: formErrors });
  const sites = useQueryCall('sites.list', { search: '' });
  const site = useQueryCall('sites.get', { id: Number(values.siteId) }, { enabled: values.siteId !== null });
  const profiles = useQueryCall('power.profiles.list', { kind: values.kind === 'manual' ? undefined : values.kind }, { enabled: values.kind !== 'manual' });
  const pdus = useQueryCall(
    'power.devices.list',
    { kind: 'pdu', siteId: values.siteId ? Number(values.siteId) : undefined },
    { enabled: values.kind === 'meter' },
  );

  const rackOptions = (site.data?.rooms ?? []).flatMap((room) => room.racks.map((rack) => ({ value: String(rack.id), label: `${room.name} / ${rack.name}` })));
  const profileOptions = (profiles.data ?? []).map((p) => ({
    value: p.builtIn ? `builtin:${p.key}` : `custom:${p.id}`,
    label: p.builtIn ? `${p.label} (built-in)` : p.label,
  }));

  const submit = form.onSubmit(async (formValues) => {
    const input = toInput(formValues);
    const outcome = device ? await update.run({ ...input, id: device.id } as Input<'power.devices.update'>) : await create.run(input);
    if (!outcome.ok) return;
    const how = outcome.value.kind === 'manual' ? 'takes its readings from imports' : 'is read every minute';
    notifications.show({ color: 'green', title: device ? 'Device saved' : 'Device added', message: `${outcome.value.name} ${how}.` });
    onSaved?.(outcome.value);
    onClose();
  });

  // Tests the form as typed (stored secrets fill what is left out when editing); nothing is saved.
  const runTest = async () => {
    setTested(null);
    const outcome = await test.run({ device: toInput(form.getValues()), id: device?.id });
    if (outcome.ok) setTested(outcome.value);
  };

  return (
    <FormModal
      title={device ? `Edit ${device.name}` : 'Add power device'}
      submitLabel="Save device"
      saving={create.running || update.running}
      procedure={device ? 'power.devices.update' : 'power.devices.create'}
      onSubmit={submit}
      onClose={onClose}
      size="lg"
    >
      {!device && (
        <SegmentedControl
          aria-label="Kind"
          data={[
            { value: 'pdu', label: 'PDU (SNMP)' },
            { value: 'meter', label: 'Meter (Modbus TCP)' },
            { value: 'manual', label: 'Manual (read by hand)' },
          ]}
          {...form.getInputProps('kind')}
          onChange={(kind) => form.setValues({ kind: kind as PowerDeviceKind, profile: null })}
        />
      )}
      <SimpleGrid cols={2}>
        <TextInput
          label="Name"
          withAsterisk
          data-autofocus
          placeholder={values.kind === 'manual' ? 'Panel B' : 'PDU A1-left'}
          {...form.getInputProps('name')}
        />
        {values.kind === 'manual' ? (
          <NumberInput
            label="Outlets"
            description="Numbered 1… now; more appear as readings name them"
            allowDecimal={false}
            allowNegative={false}
            min={0}
            max={maxManualOutlets}
            {...form.getInputProps('outletCount')}
          />
        ) : (
          <Select label="Profile" withAsterisk data={profileOptions} searchable {...form.getInputProps('profile')} />
        )}
        <Select
          label="Site"
          withAsterisk
          data={(sites.data ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
          {...form.getInputProps('siteId')}
          onChange={(siteId) => form.setValues({ siteId, rackId: null })}
        />
        <Select label="Rack" clearable placeholder="Not in a rack" data={rackOptions} {...form.getInputProps('rackId')} />
        {values.kind !== 'manual' && (
          <>
            <TextInput label="Address" withAsterisk placeholder="10.0.7.21" {...form.getInputProps('host')} />
            <NumberInput
              label="Port"
              placeholder={values.kind === 'pdu' ? '161' : '502'}
              allowDecimal={false}
              allowNegative={false}
              hideControls
              {...form.getInputProps('port')}
            />
          </>
        )}
      </SimpleGrid>
      {values.kind !== 'manual' && <DeviceProtocolFields form={form} hasSecret={device?.hasSecret ?? false} pdus={pdus.data ?? []} />}
      {values.kind !== 'manual' && (
        <Group justify="space-between">
          <Switch label="Poll this device" {...form.getInputProps('enabled', { type: 'checkbox' })} />
          <Permitted procedure="power.devices.test">
            <Button variant="default" size="xs" leftSection={<IconPlugConnected size={14} />} loading={test.running} onClick={() => void runTest()}>
              Test connection
            </Button>
          </Permitted>
        </Group>
      )}
      {tested && <TestOutcome result={tested} />}
    </FormModal>
  );
}
