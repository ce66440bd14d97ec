import { Chip, Group, Select } from '@mantine/core';
import { invoiceStatusLabels, invoiceStatuses, type InvoiceStatus } from '../../../electron/contract/invoices.vocab';
import { ClientFilterSelect } from '../miners/ClientPickers';
import { monthOptions } from './invoice-format';
import type { InvoiceListView } from './invoice-list-params';
import { useSiteToday } from './useSiteToday';

/** Month and client: the Invoices page's filters, each kept in the URL. */
export function InvoiceFilters({ view, onChange }: { view: InvoiceListView; onChange: (change: Partial<InvoiceListView>) => void }) {
  const today = useSiteToday();
  return (
    <Group align="flex-end" gap="sm">
      <Select
        label="Billing month"
        placeholder="Any month"
        w={200}
        clearable
        searchable
        data={monthOptions(today, 36, view.period)}
        value={view.period}
        onChange={(period) => onChange({ period })}
      />
      {/* One client at a time (the list is asked per client): picking another replaces the first. */}
      <ClientFilterSelect
        w={300}
        withoutNone
        value={view.clientId ? [view.clientId] : []}
        onChange={(ids) => onChange({ clientId: ids.filter((id): id is number => id !== 'unassigned').at(-1) ?? null })}
      />
    </Group>
  );
}

/** One status at a time, or all, each with its count over the other filters. */
export function InvoiceStatusFilter(props: {
  value: InvoiceStatus | null;
  counts: Record<InvoiceStatus, number> | undefined;
  onChange: (status: InvoiceStatus | null) => void;
}) {
  const all = props.counts ? Object.values(props.counts).reduce((sum, n) => sum + n, 0) : 0;
  return (
    <Chip.Group multiple={false} value={props.value ?? 'all'} onChange={(value) => props.onChange(value === 'all' ? null : (value as InvoiceStatus))}>
      <Group gap="xs" role="radiogroup" aria-label="Status filter">
        <Chip value="all" size="sm" variant="outline">
          All ({all})
        </Chip>
        {invoiceStatuses.map((status) => (
          <Chip key={status} value={status} size="sm" variant="outline">
            {invoiceStatusLabels[status]} ({props.counts?.[status] ?? 0})
          </Chip>
        ))}
      </Group>
    </Chip.Group>
  );
}
