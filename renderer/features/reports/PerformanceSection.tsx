import { Button, Group, SegmentedControl, Select, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { performanceMinerRowCap, type ReportFormat } from '../../../electron/contract/reports';
import { useCall, useQueryCall } from '../../api/useCall';
import { downloadBase64 } from '../../components/files';
import { SectionHeader } from '../../components/SectionHeader';
import { monthOptions, previousMonth } from '../invoices/invoice-format';
import { useSiteToday } from '../invoices/useSiteToday';
import { ClientSelect } from '../miners/ClientPickers';

type Scope = 'all' | 'site' | 'client';

/** Uptime and hashrate per client per month: a month, all clients, one site's or one client's, as XLSX (Summary and Miners) or CSV. */
export function PerformanceSection() {
  const today = useSiteToday();
  const [period, setPeriod] = useState(() => previousMonth(today));
  const [scope, setScope] = useState<Scope>('all');
  const [clientId, setClientId] = useState<number | null>(null);
  const [siteId, setSiteId] = useState<number | null>(null);
  const sites = useQueryCall('sites.list', { search: '' }, { enabled: scope === 'site' });
  const report = useCall('reports.clientPerformance', { failureTitle: 'The uptime and hashrate report was not made' });
  const [asked, setAsked] = useState<ReportFormat | null>(null);
  const [cut, setCut] = useState(false);
  const download = async (format: ReportFormat) => {
    setAsked(format);
    const narrowed = scope === 'client' && clientId !== null ? { clientId } : scope === 'site' && siteId !== null ? { siteId } : {};
    const outcome = await report.run({ period, format, ...narrowed });
    if (!outcome.ok) return;
    setCut(outcome.value.truncated);
    downloadBase64(outcome.value.base64, outcome.value.mime, outcome.value.fileName);
  };
  const missing = (scope === 'client' && clientId === null) || (scope === 'site' && siteId === null);
  return (
    <>
      <SectionHeader
        title="Uptime and hashrate"
        description="Per client and per miner for a month in each site's time zone, from the hourly telemetry: hours online, uptime and average TH/s against the model's nominal TH/s, for the hours each miner was under the client's contract."
      />
      <Group align="flex-end" gap="sm">
        <Select
          label="Month"
          aria-label="Month of the uptime report"
          data={monthOptions(today, 36, period)}
          value={period}
          onChange={(value) => value && setPeriod(value)}
          allowDeselect={false}
          w={180}
        />
        <SegmentedControl
          aria-label="Miners in the uptime report"
          value={scope}
          onChange={(value) => setScope(value as Scope)}
          data={[
            { value: 'all', label: 'All clients' },
            { value: 'site', label: 'One site' },
            { value: 'client', label: 'One client' },
          ]}
        />
        {scope === 'client' && <ClientSelect label="Client" required value={clientId} onChange={(id) => setClientId(id)} />}
        {scope === 'site' && (
          <Select
            label="Site"
            required
            searchable
            data={(sites.data ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
            value={siteId === null ? null : String(siteId)}
            onChange={(value) => setSiteId(value ? Number(value) : null)}
            w={220}
          />
        )}
        {(['xlsx', 'csv'] as const).map((format) => (
          <Button
            key={format}
            variant={format === 'xlsx' ? 'filled' : 'default'}
            leftSection={<IconDownload size={16} />}
            loading={report.running && asked === format}
            disabled={missing}
            onClick={() => download(format)}
          >
            Download uptime {format.toUpperCase()}
          </Button>
        ))}
      </Group>
      {cut && (
        <Text size="sm" c="orange">
          The Miners sheet lists the first {performanceMinerRowCap.toLocaleString('en-US')} miners only; choose a site or a client to see the others.
          The Summary counts every miner.
        </Text>
      )}
    </>
  );
}
