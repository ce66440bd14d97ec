import { Button, Group, NumberInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useCall } from '../../api/useCall';
import { Permitted } from '../../components/Permitted';
import { SectionHeader } from '../../components/SectionHeader';

/** Minutes without activity after which a session locks (the renderer and the server both count). */
export function IdleLockSetting({ minutes }: { minutes: number }) {
  const [value, setValue] = useState<number | string>(minutes);
  const save = useCall('users.idleLock.update', { failureTitle: 'The idle lock was not changed' });
  return (
    <div>
      <SectionHeader title="Idle lock" description="A signed-in screen left alone this long locks, and its session ends; sign in again to go on." />
      <Group align="flex-end">
        <NumberInput label="Lock after (minutes)" min={1} max={720} w={200} value={value} onChange={setValue} />
        <Permitted procedure="users.idleLock.update">
          <Button
            variant="default"
            loading={save.running}
            disabled={Number(value) === minutes}
            onClick={async () => {
              const outcome = await save.run({ idleLockMinutes: Number(value) });
              if (outcome.ok)
                notifications.show({
                  color: 'green',
                  title: 'Idle lock saved',
                  message: `Sessions lock after ${outcome.value.idleLockMinutes} minutes without activity.`,
                });
            }}
          >
            Save
          </Button>
        </Permitted>
      </Group>
    </div>
  );
}
