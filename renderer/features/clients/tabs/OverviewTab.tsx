import { Card, Grid, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ClientDetail } from '../../../../electron/contract/clients';
import { formatMoney, formatRateMicro } from '../../../../electron/contract/money';
import { StatCard } from '../../../components/StatCard';
import { balanceText } from '../client-balance';
import { useDates } from '../../../components/useDates';

function Field({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <Group justify="space-between" gap="md" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={150}>
        {label}
      </Text>
      <Text size="sm" ta="right" style={{ whiteSpace: 'pre-line', wordBreak: 'break-word' }}>
        {value || '—'}
      </Text>
    </Group>
  );
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

export function OverviewTab({ client }: { client: ClientDetail }) {
  const { dateTime } = useDates();
  const price = client.currentPricing;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, md: client.counts.omSites > 0 ? 5 : 4 }}>
        <StatCard label="Active contracts" value={client.counts.activeContracts} link={`/clients/${client.id}/contracts`} />
        <StatCard label="Assigned miners" value={client.counts.assignedMiners} link={`/miners?client=${client.id}`} />
        {client.counts.omSites > 0 && <StatCard label="O&M sites" value={client.counts.omSites} />}
        <StatCard label="Open tasks" value={client.counts.openTasks} link={`/tasks?client=${client.id}`} />
        <StatCard label="Balance" value={balanceText(client.balances, client.effectiveCurrency)} link={`/clients/${client.id}/financials`} />
      </SimpleGrid>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder radius="md" padding="md">
            <Text fw={600} mb="sm">
              Contact
            </Text>
            <Stack gap={6}>
              <Field label="Company" value={client.company} />
              <Field label="Contact e-mail" value={client.contactEmail} />
              <Field label="Billing e-mail" value={client.billingEmail ? client.billingEmail : `${client.effectiveBillingEmail} (contact e-mail)`} />
              <Field label="Phone" value={client.phone} />
              <Field label="Messenger" value={client.messenger} />
              <Field label="Address" value={[client.address, [client.zip, client.city].filter(Boolean).join(' ')].filter(Boolean).join('\n')} />
              <Field label="Country" value={client.country ? regionNames.of(client.country) : null} />
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder radius="md" padding="md">
            <Text fw={600} mb="sm">
              Account
            </Text>
            <Stack gap={6}>
              <Field label="Client ID" value={`#${client.id}`} />
              <Field label="Manager" value={client.manager.name} />
              <Field label="Client group" value={client.group?.name} />
              <Field label="Billing currency" value={client.currency ?? `${client.effectiveCurrency} (organisation default)`} />
              <Field label="Tax" value={client.taxExempt ? `Exempt${client.taxId ? ` · ${client.taxId}` : ''}` : client.taxId || 'Taxable'} />
              <Field
                label="Pricing"
                value={
                  price
                    ? [
                        price.energyRateMicroPerKwh !== null ? `${formatRateMicro(price.energyRateMicroPerKwh)} ${price.currency}/kWh` : 'Global energy rate',
                        price.hostingFeeMinorPerMinerMonth !== null
                          ? `${formatMoney(price.hostingFeeMinorPerMinerMonth, price.currency)} per miner per month`
                          : null,
                        `since ${price.validFrom}`,
                      ]
                        .filter(Boolean)
                        .join('\n')
                    : 'Global rates'
                }
              />
              <Field label="Created" value={dateTime(client.createdAt)} />
              <Field label="Updated" value={dateTime(client.updatedAt)} />
            </Stack>
          </Card>
        </Grid.Col>
        {client.notes && (
          <Grid.Col span={12}>
            <Card withBorder radius="md" padding="md">
              <Text fw={600} mb={4}>
                Internal notes
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {client.notes}
              </Text>
            </Card>
          </Grid.Col>
        )}
      </Grid>
    </Stack>
  );
}
