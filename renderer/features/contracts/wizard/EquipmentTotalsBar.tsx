import { Group, Progress, Stack, Text } from '@mantine/core';
import type { EquipmentTotals } from '../../../../electron/contract/contracts';
import { overCap, plural } from '../contract-format';
import { addTotals, capShare } from './equipment-totals';

const figures = (t: EquipmentTotals, noun: string) => `${plural(t.count, noun)} · ${t.nominalThs} TH/s · ${t.nominalKw} kW`;

/** What the contract holds, what is selected to add, and the two together against the power cap (nominal figures). */
export function EquipmentTotalsBar(props: { onContract: EquipmentTotals; selected: EquipmentTotals; powerCapKw: string | null; noun?: string }) {
  const noun = props.noun ?? 'miner';
  const together = addTotals(props.onContract, props.selected);
  const share = capShare(together.nominalKw, props.powerCapKw);
  const over = overCap(together.nominalKw, props.powerCapKw);
  return (
    <Stack gap={4} aria-label="Running totals" role="status">
      <Group gap="lg" wrap="wrap">
        <Text size="sm">
          <Text span fw={600}>
            On this contract:
          </Text>{' '}
          {figures(props.onContract, noun)}
        </Text>
        <Text size="sm">
          <Text span fw={600}>
            Selected to add:
          </Text>{' '}
          {figures(props.selected, noun)}
        </Text>
        <Text size="sm" c={over ? 'red' : undefined} fw={over ? 600 : undefined}>
          {props.powerCapKw === null
            ? `Together ${together.nominalKw} kW nominal; no power cap`
            : `Together ${together.nominalKw} kW of the ${props.powerCapKw} kW cap${over ? ': over the cap' : ''}`}
        </Text>
      </Group>
      {share !== null && <Progress value={share} color={over ? 'red' : share > 90 ? 'orange' : 'teal'} size="sm" aria-label="Power cap used" />}
    </Stack>
  );
}
