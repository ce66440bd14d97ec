import { Badge, Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ContractDetail, ContractEquipment as Period } from '../../../../electron/contract/contracts';
import { contractInForceStatuses } from '../../../../electron/contract/contracts.vocab';
import { useCall } from '../../../api/useCall';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormModal } from '../../../components/FormModal';
import { noWrap, RecordsTable } from '../../../components/RecordsTable';
import { SectionHeader } from '../../../components/SectionHeader';
import { sentenceCase } from '../../../components/zod-form';
import { minerStateLabels } from '../../miners/miner-format';
import { instantText, localDateTimeOf, noValue, overCap, plural } from '../contract-format';
import { Permitted } from '../../../components/Permitted';

const columns = [
  { label: 'Equipment' },
  { label: 'Model or miners' },
  { label: 'Nominal', align: 'right' as const },
  { label: 'State', width: 110 },
  { label: 'From', width: 150 },
  { label: 'Until', width: 150 },
  { label: '', width: 110, align: 'right' as const },
];

const nameOf = (p: Period) => p.miner?.assetId ?? p.site?.name ?? `#${p.id}`;

/** Takes one miner or site off at an instant (now by default); a draft simply drops it. */
function ReleaseDialog({ contract, period, onClose }: { contract: ContractDetail; period: Period; onClose: () => void }) {
  const release = useCall('contracts.releaseEquipment', { failureTitle: 'It was not taken off the contract' });
  const form = useForm({ initialValues: { at: localDateTimeOf(new Date().toISOString(), contract.timeZone) } });
  const ids = period.miner ? { minerIds: [period.miner.id] } : { siteIds: [period.site!.id] };
  const submit = form.onSubmit(async ({ at }) => {
    const outcome = await release.run({ contractId: contract.id, ...ids, ...(contract.status !== 'draft' && { at }) });
    if (!outcome.ok) return form.setErrors(sentenceCase(outcome.error.fields));
    onClose();
  });
  return (
    <FormModal title={`Take ${nameOf(period)} off ${contract.reference}`} submitLabel="Take off" saving={release.running} onSubmit={submit} onClose={onClose}>
      <Text size="sm">
        {contract.status === 'draft'
          ? 'The draft is not in force yet: it is simply removed from its list.'
          : contract.type === 'lease'
            ? 'The miner leaves the contract at that instant and goes back to unassigned stock.'
            : 'It leaves the contract at that instant; billing counts up to it by the hour.'}
      </Text>
      {contract.status !== 'draft' && (
        <TextInput type="datetime-local" label="At" description={`Site time (${contract.timeZone})`} {...form.getInputProps('at')} />
      )}
      <ErrorAlert title="Not taken off" error={release.error} />
    </FormModal>
  );
}

/** The miners (or O&M sites) under the contract now and before, each period [from, until) in site time. */
export function ContractEquipment({ contract: c }: { contract: ContractDetail }) {
  const [releasing, setReleasing] = useState<Period | null>(null);
  const zone = c.timeZone;
  const noun = c.type === 'om' ? 'site' : 'miner';
  const over = overCap(c.nominalKw, c.powerCapKw);
  return (
    <>
      <SectionHeader
        title={c.type === 'om' ? 'Sites' : 'Miners'}
        description={`${contractInForceStatuses.includes(c.status) || c.status === 'draft' ? 'Now' : 'Held at its end'}: ${c.type === 'om' ? `${plural(c.siteCount, 'site')} with ` : ''}${plural(c.minerCount, 'miner')} · ${c.nominalThs} TH/s · ${c.nominalKw} kW nominal${c.powerCapKw ? ` of the ${c.powerCapKw} kW cap` : ''}.`}
        action={
          c.can.assign && (
            <Permitted procedure="contracts.assignEquipment">
              <Button component={Link} to={`/contracts/${c.id}/equipment`} leftSection={<IconPlus size={16} />}>
                Assign {noun}s
              </Button>
            </Permitted>
          )
        }
      />
      {over && (
        <Text c="red" size="sm" mb="sm">
          The nominal power of its miners is over the power cap.
        </Text>
      )}
      <RecordsTable
        label="Contract equipment"
        columns={columns}
        rows={c.equipment}
        loading={false}
        empty={
          c.type === 'om'
            ? 'No sites under this contract yet: assign the sites you operate for the client.'
            : 'No miners under this contract yet: assign them with the button above.'
        }
      >
        {(p) => (
          <Table.Tr>
            <Table.Td fw={600}>{nameOf(p)}</Table.Td>
            <Table.Td>{p.miner ? `${p.miner.make} ${p.miner.model}` : noValue}</Table.Td>
            <Table.Td ta="right" style={noWrap}>
              {p.miner ? `${p.miner.nominalHashrateThs ?? noValue} TH/s · ${p.miner.nominalPowerW?.toLocaleString('en-US') ?? noValue} W` : noValue}
            </Table.Td>
            <Table.Td>{p.miner ? (minerStateLabels[p.miner.state as keyof typeof minerStateLabels] ?? p.miner.state) : noValue}</Table.Td>
            <Table.Td style={noWrap}>{instantText(p.fromAt, zone)}</Table.Td>
            <Table.Td style={noWrap}>
              {p.toAt ? (
                instantText(p.toAt, zone)
              ) : (
                <Badge variant="light" color="green">
                  Now
                </Badge>
              )}
            </Table.Td>
            <Table.Td ta="right">
              {p.toAt === null && c.can.assign && (
                <Group justify="flex-end">
                  <Permitted procedure="contracts.releaseEquipment">
                    <Button size="compact-sm" variant="subtle" color="red" onClick={() => setReleasing(p)} aria-label={`Take ${nameOf(p)} off`}>
                      Take off
                    </Button>
                  </Permitted>
                </Group>
              )}
            </Table.Td>
          </Table.Tr>
        )}
      </RecordsTable>
      {releasing && <ReleaseDialog contract={c} period={releasing} onClose={() => setReleasing(null)} />}
    </>
  );
}
