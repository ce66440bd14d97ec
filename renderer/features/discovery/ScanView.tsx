import { Loader, Stack } from '@mantine/core';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FindingsTable } from './FindingsTable';
import { ReviewPanel } from './ReviewPanel';
import { scanIsActive } from './discovery-format';
import { ScanProgressCard } from './ScanProgressCard';
import { useScanFindings, useScanStatus } from './useScanData';

/** Findings stream in while the scan runs. */
function LiveFindings({ scanId }: { scanId: number }) {
  const findings = useScanFindings(scanId);
  return <FindingsTable rows={findings.data?.rows ?? []} emptyText="Nothing has answered yet. Findings appear here as hosts answer." />;
}

/** One scan: its progress, the findings while it runs, and the review once it has ended. */
export function ScanView({ scanId }: { scanId: number }) {
  const status = useScanStatus(scanId);
  if (status.isLoading) return <Loader size="sm" aria-label="Loading the scan" />;
  if (!status.data)
    return (
      <ErrorAlert title="This scan could not be opened" error={status.error?.apiError ?? { code: 'NOT_FOUND', message: `Scan #${scanId} was not found.` }} />
    );
  const running = scanIsActive(status.data);
  return (
    <Stack gap="md">
      <ScanProgressCard scan={status.data} asOf={status.dataUpdatedAt} />
      {running ? <LiveFindings scanId={scanId} /> : <ReviewPanel scanId={scanId} />}
    </Stack>
  );
}
