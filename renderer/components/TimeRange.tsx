import { SegmentedControl } from '@mantine/core';
import { useMemo, useState } from 'react';

/** The ranges a chart offers, ending now. */
export const timeRanges = { '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 } as const;
export type TimeRangeKey = keyof typeof timeRanges;

/**
 * A chart's time range: the last 24 hours, 7 or 30 days up to now, with the end rounded up to `stepMs`
 * so repeated renders ask for the same range. Choosing a range or `refresh()` moves the end to now.
 */
export function useTimeRange(stepMs: number) {
  const [range, setRange] = useState<TimeRangeKey>('24h');
  const [anchor, setAnchor] = useState(() => Date.now());
  const { from, to } = useMemo(() => {
    const end = Math.ceil(anchor / stepMs) * stepMs;
    return { from: new Date(end - timeRanges[range]).toISOString(), to: new Date(end).toISOString() };
  }, [anchor, range, stepMs]);
  return {
    range,
    from,
    to,
    choose: (next: TimeRangeKey) => {
      setRange(next);
      setAnchor(Date.now());
    },
    refresh: () => setAnchor(Date.now()),
  };
}

export function TimeRangeControl({ value, onChange }: { value: TimeRangeKey; onChange: (next: TimeRangeKey) => void }) {
  return (
    <SegmentedControl
      size="xs"
      aria-label="Time range"
      value={value}
      onChange={(next) => onChange(next as TimeRangeKey)}
      data={[
        { value: '24h', label: '24 h' },
        { value: '7d', label: '7 days' },
        { value: '30d', label: '30 days' },
      ]}
    />
  );
}
