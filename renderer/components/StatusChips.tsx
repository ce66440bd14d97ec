import { Chip, Group } from '@mantine/core';

/** A list's status filter: one chip per status with its count over the other filters; picking some filters by them. */
export function StatusChips<S extends string>(props: {
  statuses: readonly S[];
  labels: Record<S, string>;
  counts: Record<S, number> | undefined;
  value: S[];
  onChange: (value: S[]) => void;
}) {
  return (
    <Chip.Group multiple value={props.value} onChange={(values) => props.onChange(values as S[])}>
      <Group gap="xs" aria-label="Status filter">
        {props.statuses.map((status) => (
          <Chip key={status} value={status} size="sm" variant="outline">
            {props.labels[status]} ({props.counts?.[status] ?? 0})
          </Chip>
        ))}
      </Group>
    </Chip.Group>
  );
}
