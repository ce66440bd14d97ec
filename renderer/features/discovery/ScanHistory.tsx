import { Badge, Card, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { ScanSummary } from '../../../electron/contract/discovery';
import { useQueryCall } from '../../api/useCall';
import { scanIsActive, scanStatusColors, scanStatusLabels } from './discovery-format';
import { pollEveryMs } from './useScanData';

const recentScans = { limit: 30 } as const;
const shortDateTime = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });

function ScanEntry({ scan, active, onOpen }: { scan: ScanSummary; active: boolean; onOpen: () => void }) {
  return (
    <UnstyledButton
      onClick={onOpen}
      aria-label={`Open scan ${scan.id}`}
      aria-current={active || undefined}
      p="xs"
      style={{ borderRadius: 6, background: active ? 'var(--mantine-primary-color-light)' : undefined }}
    >
      <Stack gap={2}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm" fw={600}>
            {shortDateTime(scan.startedAt)}
          </Text>
          <Badge size="xs" color={scanStatusColors[scan.status]} variant="light" style={{ flex: 'none' }}>
            {scanStatusLabels[scan.status]}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed" truncate="end" title={scan.ranges.join(', ')}>
          {scan.siteName ?? 'No site'} · {scan.ranges.join(', ')}
        </Text>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text size="xs">
            {scan.identifiedHosts.toLocaleString('en-US')} identified, {(scan.openHosts - scan.identifiedHosts).toLocaleString('en-US')} unidentified
          </Text>
          {scan.committedAt && (
            <Badge size="xs" color="teal" variant="light" style={{ flex: 'none' }}>
              In inventory
            </Badge>
          )}
        </Group>
      </Stack>
    </UnstyledButton>
  );
}

/** Recent scans, newest first; one opens its findings and review. */
export function ScanHistory({ activeId, onOpen }: { activeId: number | null; onOpen: (scanId: number) => void }) {
  const scans = useQueryCall('discovery.scans', recentScans, {
    refetchInterval: (query) => (query.state.data?.some(scanIsActive) ? pollEveryMs : false),
  });
  const rows = scans.data ?? [];
  return (
    <Card withBorder radius="md" padding="sm" component="nav" aria-label="Scan history">
      <Text fw={700} px="xs" mb="xs">
        Scan history
      </Text>
      <Stack gap={2}>
        {rows.map((scan) => (
          <ScanEntry key={scan.id} scan={scan} active={scan.id === activeId} onOpen={() => onOpen(scan.id)} />
        ))}
        {!scans.isLoading && rows.length === 0 && (
          <Text size="sm" c="dimmed" px="xs" pb="xs">
            No scans yet. The scans you run are listed here, with what they found.
          </Text>
        )}
      </Stack>
    </Card>
  );
}
