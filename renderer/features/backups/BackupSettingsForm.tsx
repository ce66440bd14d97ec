import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconFolderOpen } from '@tabler/icons-react';
import type { Input } from '../../../electron/contract';
import { backupCalls, type BackupStatus } from '../../../electron/contract/backups';
import { useCall } from '../../api/useCall';
import { validateWith } from '../../components/zod-form';
import { useFormCall } from '../../components/useFormCall';
import { Permitted, PermittedFields, PermittedSubmit } from '../../components/Permitted';

type FormValues = Input<'backups.settings.update'>;

const hours = Array.from({ length: 24 }, (_, hour) => ({ value: String(hour), label: `${String(hour).padStart(2, '0')}:00` }));

/** Where backups go and the daily schedule; the folder is checked by the service (full path, created, writable). */
export function BackupSettingsForm({ status }: { status: BackupStatus }) {
  const form = useForm<FormValues>({ initialValues: status.settings, validate: validateWith(backupCalls['backups.settings.update'].input) });
  const save = useFormCall('backups.settings.update', form, { failureTitle: 'The backup settings were not saved' });
  const choose = useCall('backups.chooseFolder', { failureTitle: 'The folder dialog did not open' });
  const pickFolder = async () => {
    const outcome = await choose.run({});
    if (outcome.ok && outcome.value.folder) form.setFieldValue('folder', outcome.value.folder);
  };
  const submit = form.onSubmit(async (values) => {
    const outcome = await save.run(values);
    if (outcome.ok) notifications.show({ color: 'green', title: 'Backup settings saved', message: `Backups go to ${outcome.value.settings.folder}.` });
  });
  return (
    <form onSubmit={submit} noValidate>
      <PermittedFields procedure="backups.settings.update">
        <Stack gap="md" maw={760}>
          <TextInput
            label="Backup folder"
            withAsterisk
            description={`A full path. A folder on another disk or a USB drive survives this disk failing. Default: ${status.defaultFolder}`}
            rightSectionWidth={status.canChooseFolder ? 96 : undefined}
            rightSection={
              status.canChooseFolder ? (
                <Permitted procedure="backups.chooseFolder">
                  <Button
                    size="compact-sm"
                    variant="light"
                    leftSection={<IconFolderOpen size={14} />}
                    loading={choose.running}
                    onClick={() => void pickFolder()}
                  >
                    Choose
                  </Button>
                </Permitted>
              ) : undefined
            }
            {...form.getInputProps('folder')}
          />
          <Switch
            label="Back up every day"
            description="Made while Hashdesk runs, at the first check after the hour below (or later that day if the computer was off)."
            {...form.getInputProps('daily', { type: 'checkbox' })}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Daily backup from"
              description="This computer's time"
              data={hours}
              allowDeselect={false}
              disabled={!form.values.daily}
              value={String(form.values.dailyHour)}
              onChange={(value) => form.setFieldValue('dailyHour', Number(value ?? 0))}
              error={form.errors.dailyHour}
            />
            <NumberInput
              label="Daily backups kept"
              withAsterisk
              min={1}
              max={365}
              allowDecimal={false}
              description="Older daily ones are deleted; the others never are"
              {...form.getInputProps('keepDaily')}
            />
          </SimpleGrid>
          <Group>
            <PermittedSubmit procedure="backups.settings.update" saving={save.running}>
              Save backup settings
            </PermittedSubmit>
          </Group>
        </Stack>
      </PermittedFields>
    </form>
  );
}
