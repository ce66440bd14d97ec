import { Alert, Badge, Button, Card, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPlayerStop } from '@tabler/icons-react';
import type { ScanSummary } from '../../../electron/contract/discovery';
import { useCall } from '../../api/useCall';
import { useDates } from '../../components/useDates';
import { scanElapsedText, scanIsActive, scanStatusColors, scanStatusLabels } from './discovery-format';
import { Permitted } from '../../components/Permitted';

const count = (n: number) => n.toLocaleString('en-US');

function Figure({ label, value, title }: { label: string; value: string; title?: string }) {
  return (
    <Stack gap={0} aria-label={label} role="group" title={title}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="lg" fw={700} style={{ whiteSpace: 'nowrap' }}>
        {value}
      </Text>
    </Stack>
  );
}

/** Where a scan is (as of `asOf`, when its status was read): addresses probed of all, what answered, how fast, for how long; Cancel while it runs. */
export function ScanProgressCard({ scan, asOf }: { scan: ScanSummary; asOf: number }) {
  const cancel = useCall('discovery.cancel', { failureTitle: 'The scan was not cancelled' });
  const running = scanIsActive(scan);
  const { dateTime } = useDates(scan.siteId);
  const percent = scan.totalHosts > 0 ? (scan.probedHosts / scan.totalHosts) * 100 : 0;
  return (
    <Card withBorder radius="md" padding="md" aria-label="Scan progress" role="region">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Group gap="xs">
              <Text fw={700}>Scan #{scan.id}</Text>
              <Badge color={scanStatusColors[scan.status]} variant={running ? 'filled' : 'light'}>
                {scanStatusLabels[scan.status]}
              </Badge>
              {scan.committedAt && (
                <Badge color="teal" variant="light">
                  In inventory
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {scan.ranges.join(', ')} · ports {scan.ports.join(', ')} · {scan.siteName ?? 'no site'} · {scan.status === 'queued' ? 'asked' : 'started'}{' '}
              {dateTime(scan.startedAt)}
            </Text>
          </Stack>
          {running && (
            <Permitted procedure="discovery.cancel">
              <Button
                color="red"
                variant="light"
                leftSection={<IconPlayerStop size={16} />}
                loading={cancel.running}
                onClick={() => cancel.run({ scanId: scan.id })}
              >
                Cancel scan
              </Button>
            </Permitted>
          )}
        </Group>
        <Progress
          value={percent}
          size="lg"
          animated={running}
          aria-label={`Probed ${count(scan.probedHosts)} of ${count(scan.totalHosts)} addresses`}
          color={scanStatusColors[scan.status]}
        />
        <SimpleGrid cols={{ base: 2, sm: 5 }}>
          <Figure label="Probed" value={`${count(scan.probedHosts)} / ${count(scan.totalHosts)}`} />
          <Figure label="Open" value={count(scan.openHosts)} />
          <Figure label="Identified" value={count(scan.identifiedHosts)} />
          <Figure
            label="Rate"
            value={`${count(scan.rate)}/s`}
            title={`${count(scan.rate)} addresses a second${scan.maxRate === null ? '' : `, at most ${count(scan.maxRate)} as asked`}`}
          />
          <Figure label={scan.status === 'queued' ? 'Waiting' : 'Elapsed'} value={scanElapsedText(scan, asOf)} />
        </SimpleGrid>
        {scan.message && (
          <Alert color={scan.status === 'failed' ? 'red' : 'gray'} variant="light">
            {scan.message}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
