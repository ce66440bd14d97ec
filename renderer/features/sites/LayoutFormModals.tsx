import { Input as InputWrapper, NumberInput, SegmentedControl, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { maxRackPositions, siteCalls, siteRoomKindLabels, siteRoomKinds, type Rack, type SiteRoom, type SiteRoomKind } from '../../../electron/contract/sites';
import { FormModal } from '../../components/FormModal';
import { validateWith } from '../../components/zod-form';
import { useFormCall } from '../../components/useFormCall';

const kindOptions = siteRoomKinds.map((kind) => ({ value: kind, label: siteRoomKindLabels[kind] }));

/** Add a room, container or building to a site (room = null), or rename or re-kind one. */
export function RoomFormModal({ siteId, room, onClose }: { siteId: number; room: SiteRoom | null; onClose: () => void }) {
  const form = useForm<{ name: string; kind: SiteRoomKind }>({
    initialValues: { name: room?.name ?? '', kind: room?.kind ?? 'room' },
    validate: validateWith(siteCalls['sites.rooms.create'].input.omit({ siteId: true })),
  });
  const create = useFormCall('sites.rooms.create', form, { failureTitle: 'The room was not added' });
  const update = useFormCall('sites.rooms.update', form, { failureTitle: 'The room was not saved' });
  const submit = form.onSubmit(async (values) => {
    const outcome = room ? await update.run({ id: room.id, ...values }) : await create.run({ siteId, ...values });
    if (!outcome.ok) return;
    const what = `${siteRoomKindLabels[outcome.value.kind]} ${outcome.value.name}`;
    notifications.show({ color: 'green', title: room ? 'Saved' : 'Added', message: room ? `${what} was saved.` : `${what} was added. Add its racks next.` });
    onClose();
  });
  return (
    <FormModal
      title={room ? `Edit ${siteRoomKindLabels[room.kind].toLowerCase()} ${room.name}` : 'Add room or container'}
      submitLabel="Save"
      saving={create.running || update.running}
      procedure={room ? 'sites.rooms.update' : 'sites.rooms.create'}
      onSubmit={submit}
      onClose={onClose}
    >
      <InputWrapper.Wrapper label="Kind" description="A room or hall of a building, a mining container, or a whole building.">
        <SegmentedControl fullWidth mt={4} data={kindOptions} aria-label="Kind" {...form.getInputProps('kind')} />
      </InputWrapper.Wrapper>
      <TextInput label="Name" withAsterisk data-autofocus placeholder="C1" {...form.getInputProps('name')} />
    </FormModal>
  );
}

/** Add a rack to a room (rack = null), or rename or resize one. */
export function RackFormModal({ roomId, rack, onClose }: { roomId: number; rack: Rack | null; onClose: () => void }) {
  // NumberInput reports an emptied field as '', which the schema explains as "must be a number of positions".
  const form = useForm<{ name: string; positions: number | string }>({
    initialValues: { name: rack?.name ?? '', positions: rack?.positions ?? '' },
    validate: validateWith(siteCalls['sites.racks.create'].input.omit({ roomId: true })),
  });
  const create = useFormCall('sites.racks.create', form, { failureTitle: 'The rack was not added' });
  const update = useFormCall('sites.racks.update', form, { failureTitle: 'The rack was not saved' });
  const submit = form.onSubmit(async (values) => {
    const fields = { name: values.name, positions: Number(values.positions) };
    const outcome = rack ? await update.run({ id: rack.id, ...fields }) : await create.run({ roomId, ...fields });
    if (!outcome.ok) return;
    notifications.show({
      color: 'green',
      title: rack ? 'Rack saved' : 'Rack added',
      message: `Rack ${outcome.value.name} has ${outcome.value.positions} positions.`,
    });
    onClose();
  });
  return (
    <FormModal
      title={rack ? `Edit rack ${rack.name}` : 'Add rack'}
      submitLabel="Save rack"
      saving={create.running || update.running}
      procedure={rack ? 'sites.racks.update' : 'sites.racks.create'}
      onSubmit={submit}
      onClose={onClose}
    >
      <TextInput label="Rack name" withAsterisk data-autofocus placeholder="R1" {...form.getInputProps('name')} />
      <NumberInput
        label="Positions"
        withAsterisk
        description={`How many miners the rack holds, one per position (at most ${maxRackPositions}).`}
        min={1}
        max={maxRackPositions}
        allowDecimal={false}
        allowNegative={false}
        clampBehavior="none"
        {...form.getInputProps('positions')}
      />
    </FormModal>
  );
}
