import { Group, Progress, Text, Tooltip, UnstyledButton } from '@mantine/core';

export type BarSegment = { key: string; label: string; count: number; color: string };

/**
 * A count split by status, as MoonOne's miners and tasks bars: one coloured section per status,
 * the total beside it, the numbers in a tooltip; the whole bar links to the filtered list.
 */
export function StatusBar(props: { segments: BarSegment[]; total: number; label: string; note?: string; onOpen: () => void }) {
  const { segments, total, label, onOpen } = props;
  const summary = [...segments.filter((s) => s.count > 0).map((s) => `${s.count} ${s.label.toLowerCase()}`), props.note].filter(Boolean).join(', ');
  return (
    <Tooltip label={total === 0 ? `No ${label}` : summary} withArrow>
      <UnstyledButton onClick={onOpen} aria-label={`${total} ${label}${summary ? `: ${summary}` : ''}`} style={{ width: '100%' }}>
        <Group gap={8} wrap="nowrap">
          <Progress.Root size={10} style={{ flex: 1, minWidth: 60 }}>
            {total === 0 ? (
              <Progress.Section value={100} color="var(--mantine-color-default-border)" />
            ) : (
              segments.map((s) => s.count > 0 && <Progress.Section key={s.key} value={(s.count / total) * 100} color={s.color} />)
            )}
          </Progress.Root>
          <Text size="sm" fw={500} w={40} ta="right">
            {total}
          </Text>
        </Group>
      </UnstyledButton>
    </Tooltip>
  );
}
