import { Badge, Table, Text } from '@mantine/core';
import type { ClientPrice } from '../../../../electron/contract/clients.records';
import { formatMoney, formatRateMicro } from '../../../../electron/contract/money';
import { useQueryCall } from '../../../api/useCall';
import { PriceForm, siteToday } from './PriceForm';
import { noWrap, RecordsTable } from '../../../components/RecordsTable';
import { SectionHeader } from '../../../components/SectionHeader';
import { useDates } from '../../../components/useDates';

const columns = [
  { label: 'Valid from', width: 140 },
  { label: 'Energy rate per kWh' },
  { label: 'Hosting fee per miner per month' },
  { label: 'Status', width: 140 },
  { label: 'Set at', width: 200 },
  { label: 'By', width: 140 },
];

function PriceStatus({ price, currentId, today }: { price: ClientPrice; currentId: number | null; today: string }) {
  if (price.id === currentId) return <Badge color="green">In force</Badge>;
  if (price.validFrom > today) return <Badge variant="light">Scheduled</Badge>;
  return (
    <Badge variant="light" color="gray">
      Superseded
    </Badge>
  );
}

/** MoonOne's "Edit Bill – Pricing": this client's prices, which override the global rates from their valid-from date. */
export function PricingTab({ clientId, currency }: { clientId: number; currency: string }) {
  const { date, dateTime } = useDates();
  const pricing = useQueryCall('clients.pricing.list', { clientId });
  const settings = useQueryCall('settings.get', {});
  const today = siteToday(settings.data?.timeZone ?? 'UTC');

  return (
    <>
      <SectionHeader
        title="Pricing"
        description="Prices set here override the global rates in Settings for this client, from their valid-from date. A blank energy rate means the global rate."
      />
      {settings.data && <PriceForm clientId={clientId} currency={currency} settings={settings.data} />}
      <RecordsTable
        label="Price history"
        columns={columns}
        loading={pricing.isLoading}
        rows={pricing.data?.rows}
        empty="No client prices yet. This client is billed at the global energy rate from Settings, with no hosting fee."
      >
        {(price) => (
          <Table.Tr>
            <Table.Td fw={500} style={noWrap}>
              {date(price.validFrom)}
            </Table.Td>
            <Table.Td>
              {price.energyRateMicroPerKwh === null ? (
                <Text c="dimmed" size="sm">
                  Global rate
                </Text>
              ) : (
                `${formatRateMicro(price.energyRateMicroPerKwh)} ${price.currency}`
              )}
            </Table.Td>
            <Table.Td>
              {price.hostingFeeMinorPerMinerMonth === null ? (
                <Text c="dimmed" size="sm">
                  None
                </Text>
              ) : (
                formatMoney(price.hostingFeeMinorPerMinerMonth, price.currency)
              )}
            </Table.Td>
            <Table.Td>
              <PriceStatus price={price} currentId={pricing.data?.currentId ?? null} today={today} />
            </Table.Td>
            <Table.Td style={noWrap}>{dateTime(price.createdAt)}</Table.Td>
            <Table.Td>{price.actor}</Table.Td>
          </Table.Tr>
        )}
      </RecordsTable>
    </>
  );
}
