import { Button, Group, SegmentedControl, TextInput } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import type { AccountingExportKind, ReportFormat } from '../../../electron/contract/reports';
import { useCall } from '../../api/useCall';
import { downloadBase64 } from '../../components/files';
import { SectionHeader } from '../../components/SectionHeader';
import { useSiteToday } from '../invoices/useSiteToday';

/** Invoices (by issue date) or payments (by date received) of a period, as CSV or XLSX for the accountant. */
export function AccountantExportsSection() {
  const today = useSiteToday();
  const [kind, setKind] = useState<AccountingExportKind>('invoices');
  const [from, setFrom] = useState(() => `${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const [asked, setAsked] = useState<ReportFormat | null>(null);
  const exported = useCall('reports.exports', { failureTitle: 'The export was not made' });
  const download = async (format: ReportFormat) => {
    setAsked(format);
    const outcome = await exported.run({ kind, from, to, format });
    if (outcome.ok) downloadBase64(outcome.value.base64, outcome.value.mime, outcome.value.fileName);
  };
  return (
    <>
      <SectionHeader title="For the accountant" description="Issued invoices and credit notes by issue date, or payments by the date received, with their amounts as numbers." />
      <Group align="flex-end" gap="sm">
        <SegmentedControl
          aria-label="What to export"
          value={kind}
          onChange={(value) => setKind(value as AccountingExportKind)}
          data={[
            { value: 'invoices', label: 'Invoices' },
            { value: 'payments', label: 'Payments' },
          ]}
        />
        <TextInput type="date" label="Export from" value={from} max={to} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="date" label="Export to" value={to} min={from} onChange={(e) => setTo(e.currentTarget.value)} />
        {(['xlsx', 'csv'] as const).map((format) => (
          <Button
            key={format}
            variant="default"
            leftSection={<IconDownload size={16} />}
            loading={exported.running && asked === format}
            disabled={!from || !to}
            onClick={() => download(format)}
          >
            Export {format.toUpperCase()}
          </Button>
        ))}
      </Group>
    </>
  );
}
