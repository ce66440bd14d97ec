import { Divider, Stack } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { AccountantExportsSection } from './AccountantExportsSection';
import { ConsumptionSection } from './ConsumptionSection';
import { PerformanceSection } from './PerformanceSection';
import { StatementPickerSection } from './StatementPickerSection';

/** Downloads for clients and the accountant: the month's consumption, uptime and hashrate, customer statements, and invoices and payments for the accountant. */
export function ReportsPage() {
  return (
    <>
      <PageHeader title="Reports" description="Spreadsheets and statements to download or send." />
      <Stack gap="xl" maw={1100}>
        <ConsumptionSection />
        <Divider />
        <PerformanceSection />
        <Divider />
        <StatementPickerSection />
        <Divider />
        <AccountantExportsSection />
      </Stack>
    </>
  );
}
