import { Button, Group, SegmentedControl, Select } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import type { ReportFormat } from '../../../electron/contract/reports';
import { useCall } from '../../api/useCall';
import { downloadBase64 } from '../../components/files';
import { SectionHeader } from '../../components/SectionHeader';
import { monthOptions, previousMonth } from '../invoices/invoice-format';
import { useSiteToday } from '../invoices/useSiteToday';
import { ClientSelect } from '../miners/ClientPickers';

/** MoonOne's monthly consumption download: a month, all clients or one, as XLSX (three sheets) or CSV. */
export function ConsumptionSection() {
  const today = useSiteToday();
  const [period, setPeriod] = useState(() => previousMonth(today));
  const [scope, setScope] = useState<'all' | 'one'>('all');
  const [clientId, setClientId] = useState<number | null>(null);
  const consumption = useCall('reports.monthlyConsumption', { failureTitle: 'The consumption report was not made' });
  const [asked, setAsked] = useState<ReportFormat | null>(null);
  const download = async (format: ReportFormat) => {
    setAsked(format);
    const outcome = await consumption.run({ period, format, ...(scope === 'one' && clientId !== null ? { clientId } : {}) });
    if (outcome.ok) downloadBase64(outcome.value.base64, outcome.value.mime, outcome.value.fileName);
  };
  const missingClient = scope === 'one' && clientId === null;
  return (
    <>
      <SectionHeader
        title="Monthly consumption"
        description="Each client's kWh and amount for a month, per day in the site's time zone, and per miner: metered where an outlet is mapped, else calculated, as billing measures it. Amounts come from the month's invoices, else the billing preview."
      />
      <Group align="flex-end" gap="sm">
        <Select label="Month" data={monthOptions(today, 36, period)} value={period} onChange={(value) => value && setPeriod(value)} allowDeselect={false} w={180} />
        <SegmentedControl
          aria-label="Clients in the report"
          value={scope}
          onChange={(value) => setScope(value as 'all' | 'one')}
          data={[
            { value: 'all', label: 'All clients' },
            { value: 'one', label: 'One client' },
          ]}
        />
        {scope === 'one' && <ClientSelect label="Client" required value={clientId} onChange={(id) => setClientId(id)} />}
        {(['xlsx', 'csv'] as const).map((format) => (
          <Button
            key={format}
            variant={format === 'xlsx' ? 'filled' : 'default'}
            leftSection={<IconDownload size={16} />}
            loading={consumption.running && asked === format}
            disabled={missingClient}
            onClick={() => download(format)}
          >
            Download {format.toUpperCase()}
          </Button>
        ))}
      </Group>
    </>
  );
}
