import { Button, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Input } from '../../../electron/contract';
import { clientRecordCalls } from '../../../electron/contract/clients.records';
import { useQueryCall } from '../../api/useCall';
import { validateWith } from '../../components/zod-form';
import { FormModal } from '../../components/FormModal';
import { RecordsTable } from '../../components/RecordsTable';
import { SectionHeader } from '../../components/SectionHeader';
import { useFormCall } from '../../components/useFormCall';
import { Permitted } from '../../components/Permitted';

const columns = [{ label: 'Name', width: 240 }, { label: 'Description' }, { label: 'Clients', width: 110, align: 'right' as const }];

/** Client groups (Fleio): a label to filter and sort clients by, e.g. "Wholesale" or "Retail". */
export function ClientGroupsSection() {
  const groups = useQueryCall('clients.groups.list', {});
  const [adding, setAdding] = useState(false);
  return (
    <div>
      <SectionHeader
        title="Client groups"
        description="Sort clients into groups, such as wholesale and retail, to filter and sort the client list by them."
        action={
          <Permitted procedure="clients.groups.create">
            <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
              Add group
            </Button>
          </Permitted>
        }
      />
      <RecordsTable
        label="Client groups"
        columns={columns}
        loading={groups.isLoading}
        rows={groups.data}
        empty="No client groups yet. Groups are optional; add one when you want to tell kinds of clients apart."
      >
        {(group) => (
          <Table.Tr>
            <Table.Td fw={500}>{group.name}</Table.Td>
            <Table.Td>{group.description || <Text c="dimmed">—</Text>}</Table.Td>
            <Table.Td ta="right">{group.clientCount}</Table.Td>
          </Table.Tr>
        )}
      </RecordsTable>
      {adding && <GroupFormModal onClose={() => setAdding(false)} />}
    </div>
  );
}

function GroupFormModal({ onClose }: { onClose: () => void }) {
  const form = useForm<Input<'clients.groups.create'>>({
    initialValues: { name: '', description: '' },
    validate: validateWith(clientRecordCalls['clients.groups.create'].input),
  });
  const create = useFormCall('clients.groups.create', form, { failureTitle: 'The group was not added' });
  const submit = form.onSubmit(async (values) => {
    const outcome = await create.run(values);
    if (!outcome.ok) return;
    notifications.show({ color: 'green', title: 'Group added', message: `Clients can now be put in ${outcome.value.name}.` });
    onClose();
  });
  return (
    <FormModal title="Add client group" submitLabel="Save group" saving={create.running} onSubmit={submit} onClose={onClose}>
      <TextInput label="Group name" withAsterisk data-autofocus {...form.getInputProps('name')} />
      <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
    </FormModal>
  );
}
