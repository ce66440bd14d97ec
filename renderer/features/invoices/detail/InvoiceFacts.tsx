import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { InvoiceDetail } from '../../../../electron/contract/invoices';
import { formatDate } from '../../../../electron/contract/dates';
import { contractTypeLabels } from '../../../../electron/contract/contracts.vocab';
import { useDates } from '../../../components/useDates';
import { monthText } from '../invoice-format';
import { InvoiceSums } from './InvoiceSums';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group justify="space-between" gap="md" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={90} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" ta="right" component="div" style={{ whiteSpace: 'pre-line', wordBreak: 'break-word' }}>
        {children}
      </Text>
    </Group>
  );
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** The last instant of the period, as the day it ends on: the period runs to local 00:00 of the next month. */
const lastDayOf = (periodTo: string, timeZone: string) => formatDate(new Date(new Date(periodTo).getTime() - 1).toISOString(), timeZone);

/** Who is billed and for what: the addressee as printed, the dates and the billing month in the site's zone, and the amounts. */
export function InvoiceFacts({ invoice: i }: { invoice: InvoiceDetail }) {
  const { date, dateTime } = useDates();
  const address = [
    i.billTo.company,
    i.billTo.address,
    [i.billTo.zip, i.billTo.city].filter(Boolean).join(' '),
    i.billTo.country && regionNames.of(i.billTo.country),
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <Group align="stretch" grow wrap="wrap">
      <Card withBorder radius="md" padding="md" miw={280}>
        <Text fw={600} mb="sm">
          Bill to
        </Text>
        <Stack gap={6}>
          <Fact label="Client">
            <Anchor component={Link} to={`/clients/${i.clientId}/financials`} size="sm">
              {i.billTo.name}
            </Anchor>
          </Fact>
          <Fact label="Address">{address || '—'}</Fact>
          <Fact label="E-mail">{i.billTo.email || '—'}</Fact>
          <Fact label="Tax id">{i.billTo.taxId || '—'}</Fact>
          {i.taxExemption && <Fact label="Tax">Exempt (tax id {i.taxExemption.taxId || 'not given'})</Fact>}
        </Stack>
      </Card>
      <Card withBorder radius="md" padding="md" miw={280}>
        <Text fw={600} mb="sm">
          Dates
        </Text>
        <Stack gap={6}>
          <Fact label="Period">
            {monthText(i.period)}
            {'\n'}
            <Text span size="xs" c="dimmed">
              {formatDate(i.periodFrom, i.timeZone)} – {lastDayOf(i.periodTo, i.timeZone)}, {i.timeZone}
            </Text>
          </Fact>
          <Fact label="Issued">{i.issueDate ? date(i.issueDate) : 'Not yet'}</Fact>
          <Fact label="Due">
            {i.dueDate && `${date(i.dueDate)}\n`}
            <Text span size="xs" c="dimmed">
              Net {i.netDays} days{i.dueDate ? '' : ' from issue'}
            </Text>
          </Fact>
          {i.voidedAt && <Fact label="Voided">{dateTime(i.voidedAt)}</Fact>}
          <Fact label={i.contracts.length > 1 ? 'Contracts' : 'Contract'}>
            {i.contracts.map((c) => (
              <Anchor key={c.id} component={Link} to={`/contracts/${c.id}`} size="sm" display="block">
                {c.number} ({contractTypeLabels[c.type]})
              </Anchor>
            ))}
          </Fact>
        </Stack>
      </Card>
      <InvoiceSums invoice={i} />
    </Group>
  );
}
