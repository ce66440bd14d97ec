import { ActionIcon, Button, Checkbox, Group, Popover, Stack, Text, Tooltip } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { IconColumns } from '@tabler/icons-react';
import { useMemo } from 'react';
import { defaultColumnKeys, minerColumns, type MinerColumn } from './miner-columns';

/** The columns the user chose to see, remembered on this computer; the asset ID is always among them. */
export function useShownColumns(): [MinerColumn[], string[], (keys: string[]) => void] {
  const [keys, setKeys] = useLocalStorage<string[]>({ key: 'hashdesk.miners.columns', defaultValue: defaultColumnKeys });
  // The same array until the choice changes: the table's memoised rows take it as a prop.
  const shown = useMemo(() => minerColumns.filter((column) => column.alwaysShown || keys.includes(column.key)), [keys]);
  return [shown, keys, setKeys];
}

export function ColumnChooser({ keys, onChange }: { keys: string[]; onChange: (keys: string[]) => void }) {
  return (
    <Popover position="bottom-end" shadow="md" withArrow>
      <Popover.Target>
        <Tooltip label="Choose columns">
          <ActionIcon variant="default" size="lg" aria-label="Choose columns">
            <IconColumns size={18} />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6} aria-label="Columns">
          <Text size="sm" fw={600}>
            Columns
          </Text>
          {minerColumns.map((column) => (
            <Checkbox
              key={column.key}
              label={column.label}
              size="sm"
              disabled={column.alwaysShown}
              checked={column.alwaysShown || keys.includes(column.key)}
              onChange={(e) => onChange(e.currentTarget.checked ? [...keys, column.key] : keys.filter((key) => key !== column.key))}
            />
          ))}
          <Group justify="flex-end" mt={4}>
            <Button size="xs" variant="subtle" onClick={() => onChange(defaultColumnKeys)}>
              Reset
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
