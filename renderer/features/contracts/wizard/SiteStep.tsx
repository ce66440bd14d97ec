import { Anchor, Button, Checkbox, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ContractDetail, SiteCandidate } from '../../../../electron/contract/contracts';
import { useCall, useQueryCall } from '../../../api/useCall';
import { RecordsTable } from '../../../components/RecordsTable';
import { plural } from '../contract-format';
import { addTotals } from './equipment-totals';
import { EquipmentTotalsBar } from './EquipmentTotalsBar';
import { FinishButtons, useFinishSetup } from './FinishSetup';
import { Permitted } from '../../../components/Permitted';

const columns = [
  { label: '', width: 44 },
  { label: 'Site' },
  { label: 'Miners', align: 'right' as const },
  { label: 'Nominal', align: 'right' as const },
  { label: 'Contract now' },
];

const totalsOf = (sites: SiteCandidate[]) =>
  sites.map((s) => ({ count: 1, nominalThs: s.nominalThs, nominalKw: s.nominalKw })).reduce(addTotals, { count: 0, nominalThs: '0', nominalKw: '0' });

/** Step 2 for O&M: whole sites go under the contract instead of single miners. */
export function SiteStep(props: { contract: ContractDetail; onBack: () => void; onDone: (activate: boolean) => void }) {
  const { contract } = props;
  const candidates = useQueryCall('contracts.siteCandidates', { contractId: contract.id });
  const assign = useCall('contracts.assignEquipment', { failureTitle: 'The sites were not put on the contract' });
  const release = useCall('contracts.releaseEquipment', { failureTitle: 'The site was not taken off the contract' });
  const [picked, setPicked] = useState<ReadonlySet<number>>(new Set());
  const sites = candidates.data ?? [];
  // A draft's sites are not held by it yet (candidates name holders in force), so its own list says which are on it.
  const ownSiteIds = new Set(contract.equipment.flatMap((period) => (period.site && period.toAt === null ? [period.site.id] : [])));
  const mine = (site: SiteCandidate) => site.onContract?.id === contract.id || ownSiteIds.has(site.id);
  const onContract = sites.filter(mine);
  const toAdd = sites.filter((site) => picked.has(site.id) && !site.onContract && !mine(site));

  const toggle = (id: number) =>
    setPicked((now) => {
      const next = new Set(now);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const add = async () => {
    if (!toAdd.length) return true;
    const outcome = await assign.run({ contractId: contract.id, siteIds: toAdd.map((s) => s.id) });
    if (outcome.ok) setPicked(new Set());
    return outcome.ok;
  };
  const { finish, activating } = useFinishSetup(contract.id, add, props.onDone);

  return (
    <Stack gap="md" maw={1080}>
      <Text size="sm" c="dimmed">
        Pick the sites {contract.client.name} owns and you operate. Their miners count towards the fee per miner.
      </Text>
      <RecordsTable
        label="Candidate sites"
        columns={columns}
        rows={sites}
        loading={candidates.isLoading}
        empty="No sites yet. Add the client's site under Settings → Sites first."
      >
        {(site) => (
          <Table.Tr>
            <Table.Td>
              <Checkbox
                aria-label={`Select ${site.name}`}
                checked={mine(site) || picked.has(site.id)}
                disabled={site.onContract !== null || mine(site)}
                onChange={() => toggle(site.id)}
              />
            </Table.Td>
            <Table.Td fw={500}>{site.name}</Table.Td>
            <Table.Td ta="right">{site.minerCount.toLocaleString('en-US')}</Table.Td>
            <Table.Td ta="right">
              {site.nominalThs} TH/s · {site.nominalKw} kW
            </Table.Td>
            <Table.Td>
              {site.onContract === null && !mine(site) ? (
                <Text size="sm" c="dimmed">
                  Free
                </Text>
              ) : mine(site) ? (
                <Group gap="xs">
                  <Text size="sm">This contract</Text>
                  <Permitted procedure="contracts.releaseEquipment">
                    <Anchor
                      component="button"
                      size="sm"
                      c="red"
                      onClick={() => release.run({ contractId: contract.id, siteIds: [site.id] })}
                      aria-label={`Take ${site.name} off`}
                    >
                      Take off
                    </Anchor>
                  </Permitted>
                </Group>
              ) : (
                <Anchor component={Link} to={`/contracts/${site.onContract!.id}`} size="sm">
                  {site.onContract!.reference}
                </Anchor>
              )}
            </Table.Td>
          </Table.Tr>
        )}
      </RecordsTable>
      <Paper withBorder px="md" py="sm">
        <Stack gap="sm">
          <EquipmentTotalsBar onContract={totalsOf(onContract)} selected={totalsOf(toAdd)} powerCapKw={contract.powerCapKw} noun="site" />
          <Group justify="space-between">
            <Permitted procedure="contracts.assignEquipment">
              <Button variant="light" disabled={!toAdd.length} loading={assign.running} onClick={add}>
                Add {plural(toAdd.length, 'site')}
              </Button>
            </Permitted>
            <FinishButtons draft={contract.status === 'draft'} adding={assign.running} activating={activating} onBack={props.onBack} onFinish={finish} />
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
