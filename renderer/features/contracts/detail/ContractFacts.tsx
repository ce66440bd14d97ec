import { Anchor, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ContractDetail } from '../../../../electron/contract/contracts';
import { billingMethodLabels, contractTermLabels, contractTypeLabels, maxLeaseExtensions } from '../../../../electron/contract/contracts.vocab';
import { instantText, moneyText, noValue, rateText } from '../contract-format';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

const rateSources = { contract: 'typed on the contract', client: 'the client’s pricing', organisation: 'the organisation’s rate' } as const;

/** Everything step 1 decided, in the site's time zone and the client's currency. */
export function ContractFacts({ contract: c }: { contract: ContractDetail }) {
  const zone = c.timeZone;
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" verticalSpacing="md">
          <Fact label="Type">{contractTypeLabels[c.type]}</Fact>
          <Fact label="Client">
            <Anchor component={Link} to={`/clients/${c.client.id}/contracts`} size="sm">
              {c.client.name}
            </Anchor>
          </Fact>
          <Fact label="Site">
            {c.site.name} · {zone}
          </Fact>
          <Fact label="Term">{contractTermLabels[c.term]}</Fact>
          <Fact label="Starts">{instantText(c.startsAt, zone)}</Fact>
          <Fact label="Ends">{c.terminatedAt ? `${instantText(c.terminatedAt, zone)} (terminated early)` : instantText(c.endsAt, zone)}</Fact>
          <Fact label="Auto-renew">
            {c.autoRenew ? `Yes, notice ${c.noticeDays} days before the end (by ${instantText(c.noticeBy, zone)})` : `No (notice ${c.noticeDays} days)`}
          </Fact>
          <Fact label="Extensions">{c.type === 'lease' ? `${c.extensionCount} of ${maxLeaseExtensions}` : String(c.extensionCount)}</Fact>
          <Fact label="Activated">{instantText(c.activatedAt, zone)}</Fact>
          <Fact label="Draft reference">{c.draftReference}</Fact>
          {c.renewedFrom && (
            <Fact label="Renews">
              <Anchor component={Link} to={`/contracts/${c.renewedFrom.id}`} size="sm">
                {c.renewedFrom.reference}
              </Anchor>
            </Fact>
          )}
          {c.renewedTo && (
            <Fact label="Renewed by">
              <Anchor component={Link} to={`/contracts/${c.renewedTo.id}`} size="sm">
                {c.renewedTo.reference}
              </Anchor>
            </Fact>
          )}
          {c.terminationReason && <Fact label="Termination reason">{c.terminationReason}</Fact>}
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" verticalSpacing="md">
          <Fact label="Currency">{c.currency}</Fact>
          {c.billingMethod && <Fact label="Billing method">{billingMethodLabels[c.billingMethod]}</Fact>}
          {c.energyRatePerKwh && (
            <Fact label="Rate per kWh">
              {rateText(c.energyRatePerKwh, c.currency, 'kWh')}
              {c.energyRateSource && (
                <Text size="xs" c="dimmed">
                  From {rateSources[c.energyRateSource]}
                </Text>
              )}
            </Fact>
          )}
          {c.fixedMonthlyFee && <Fact label={c.type === 'om' ? 'Monthly fee' : 'Fixed monthly fee'}>{moneyText(c.fixedMonthlyFee, c.currency)}</Fact>}
          {c.hostingFeePerMinerMonth && <Fact label="Fee per miner per month">{moneyText(c.hostingFeePerMinerMonth, c.currency)}</Fact>}
          {c.type === 'infinity' && (
            <>
              <Fact label="Contracted hashrate">{c.contractedThs ? `${c.contractedThs} TH/s` : noValue}</Fact>
              <Fact label="Price per TH/s-day">{rateText(c.pricePerThsDay, c.currency, 'TH/s·day')}</Fact>
            </>
          )}
          {c.type !== 'infinity' && <Fact label="Power cap">{c.powerCapKw ? `${c.powerCapKw} kW` : 'None'}</Fact>}
          <Fact label="Deposit">{moneyText(c.depositAmount, c.currency)}</Fact>
          <Fact label="Payment terms">Net {c.netDays} days</Fact>
          {c.type !== 'infinity' && (
            <Fact label="Metering devices">{c.meteringDevices.length ? c.meteringDevices.map((d) => d.name).join(', ') : 'PDU outlets of its miners'}</Fact>
          )}
        </SimpleGrid>
        {c.notes && (
          <Text size="sm" mt="md" style={{ whiteSpace: 'pre-wrap' }}>
            {c.notes}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
