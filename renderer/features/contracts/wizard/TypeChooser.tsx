import { Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { contractTypeLabels, contractTypes, type ContractType } from '../../../../electron/contract/contracts.vocab';

/** What each type means, as the onboarding guide explains it. */
export const contractTypeSummaries: Record<ContractType, string> = {
  hosted:
    'You host the client’s own miners at your facility. Bill by kWh (metered from PDUs or meters, calculated from spec, or derived from hashrate) or a fixed monthly fee.',
  lease: 'You lease your miners to the client. They go back to your stock when the contract ends. Up to 3 manual extensions.',
  infinity: 'A hashrate lease: the client buys TH/s rather than machines. Active at once, no equipment to assign.',
  om: 'Operations and maintenance: you run the client’s own site for them. Assign sites rather than single miners.',
};

export function TypeChooser(props: { value: ContractType | null; onChange: (type: ContractType) => void; error?: string; disabled?: boolean }) {
  return (
    <Radio.Group
      label="Contract type"
      withAsterisk
      value={props.value}
      onChange={(value) => props.onChange(value as ContractType)}
      error={props.error}
      readOnly={props.disabled}
    >
      <SimpleGrid cols={{ base: 2, lg: 4 }} mt="xs">
        {contractTypes.map((type) => (
          <Radio.Card
            key={type}
            value={type}
            radius="md"
            p="md"
            disabled={props.disabled && props.value !== type}
            aria-label={contractTypeLabels[type]}
            style={{ display: 'flex', alignItems: 'flex-start' }}
          >
            <Stack gap={4}>
              <Group gap="xs" wrap="nowrap">
                <Radio.Indicator />
                <Text fw={600}>{contractTypeLabels[type]}</Text>
              </Group>
              <Text size="xs" c="dimmed">
                {contractTypeSummaries[type]}
              </Text>
            </Stack>
          </Radio.Card>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}
