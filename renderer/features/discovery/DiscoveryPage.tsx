import { Button, Grid } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ScanForm } from './ScanForm';
import { ScanHistory } from './ScanHistory';
import { ScanView } from './ScanView';
import { Permitted } from '../../components/Permitted';

/** The scan open on the page lives in the URL (`?scan=12`), so a reload or a link keeps it. */
function useOpenScan(): [number | null, (scanId: number | null) => void] {
  const [params, setParams] = useSearchParams();
  const id = Number(params.get('scan'));
  const scanId = Number.isInteger(id) && id > 0 ? id : null;
  return [scanId, (next) => setParams(next === null ? {} : { scan: String(next) })];
}

/** Discovery: scan the facility network, follow the scan live, review what it found and add it to the inventory. */
export function DiscoveryPage() {
  const [scanId, openScan] = useOpenScan();
  return (
    <>
      <PageHeader
        title="Discovery"
        description="Scan the facility network for miners, follow the scan as it runs, then review what it found and add it to the inventory."
        actions={
          scanId !== null && (
            <Permitted procedure="discovery.scan">
              <Button leftSection={<IconPlus size={18} />} onClick={() => openScan(null)}>
                New scan
              </Button>
            </Permitted>
          )
        }
      />
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, lg: scanId === null ? 7 : 12, xl: scanId === null ? 7 : 9 }}>
          {scanId === null ? <ScanForm onStarted={openScan} /> : <ScanView key={scanId} scanId={scanId} />}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: scanId === null ? 5 : 12, xl: scanId === null ? 5 : 3 }}>
          <ScanHistory activeId={scanId} onOpen={openScan} />
        </Grid.Col>
      </Grid>
    </>
  );
}
