import { Divider, Stack } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { ConsumptionSection } from './ConsumptionSection';
import { StatementPickerSection } from './StatementPickerSection';

/** Downloads for clients and the accountant: the month's consumption and customer statements. */
export function ReportsPage() {
  return (
    <>
      <PageHeader title="Reports" description="Spreadsheets and statements to download or send." />
      <Stack gap="xl" maw={1100}>
        <ConsumptionSection />
        <Divider />
        <StatementPickerSection />
      </Stack>
    </>
  );
}
