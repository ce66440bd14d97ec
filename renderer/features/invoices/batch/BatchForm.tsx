import { Alert, Button, Checkbox, Group, Radio, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Input } from '../../../../electron/contract';
import type { ApiError } from '../../../../electron/contract/errors';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ClientFilterSelect } from '../../miners/ClientPickers';
import { monthOptions, previousMonth } from '../invoice-format';
import { useSiteToday } from '../useSiteToday';
import { Permitted } from '../../../components/Permitted';

type Scope = 'all' | 'chosen';

export function BatchForm(props: {
  running: boolean;
  failure: ApiError | null;
  onSubmit: (input: Input<'invoices.generateBatch'>) => void;
  onCancel: () => void;
}) {
  const today = useSiteToday();
  const [period, setPeriod] = useState(() => previousMonth(today));
  const [scope, setScope] = useState<Scope>('all');
  const [clientIds, setClientIds] = useState<number[]>([]);
  const [skipExisting, setSkipExisting] = useState(true);
  const [issue, setIssue] = useState<'drafts' | 'issue'>('drafts');
  const [clientsMissing, setClientsMissing] = useState(false);

  const submit = () => {
    if (scope === 'chosen' && clientIds.length === 0) return setClientsMissing(true);
    props.onSubmit({ period, skipExisting, issue: issue === 'issue', ...(scope === 'chosen' ? { clientIds } : {}) });
  };

  return (
    <Stack gap="md">
      <Select
        label="Billing period"
        description="The calendar month to invoice, in each site's time zone."
        data={monthOptions(today, 36, period)}
        value={period}
        onChange={(value) => value && setPeriod(value)}
        allowDeselect={false}
        maxDropdownHeight={280}
      />
      <Radio.Group label="Clients" value={scope} onChange={(value) => setScope(value as Scope)}>
        <Stack gap="xs" mt={6}>
          <Radio value="all" label="All clients with a contract in force that month" />
          <Radio value="chosen" label="Chosen clients" />
        </Stack>
      </Radio.Group>
      {scope === 'chosen' && (
        <Stack gap={4}>
          <ClientFilterSelect
            withoutNone
            value={clientIds}
            onChange={(ids) => {
              setClientsMissing(false);
              setClientIds(ids.filter((id): id is number => id !== 'unassigned'));
            }}
          />
          {clientsMissing && (
            <Text size="sm" c="red" role="alert">
              Pick at least one client, or choose all clients.
            </Text>
          )}
        </Stack>
      )}
      <Checkbox
        label="Skip clients that already have an invoice for this period"
        description="Unticked, their drafts and held invoices are computed again. Issued invoices never change."
        checked={skipExisting}
        onChange={(event) => setSkipExisting(event.currentTarget.checked)}
      />
      <Radio.Group label="When generated" value={issue} onChange={(value) => setIssue(value as 'drafts' | 'issue')}>
        <Stack gap="xs" mt={6}>
          <Radio value="drafts" label="Leave as drafts to review and issue one by one" />
          <Radio value="issue" label="Issue at once (each gets its number and due date now)" />
        </Stack>
      </Radio.Group>
      <Alert color="gray" variant="light">
        Clients In Default get a Held invoice, which is never issued by a batch. One invoice per client and contract: running the batch again never makes a
        duplicate.
      </Alert>
      <ErrorAlert title="The batch did not run" error={props.failure} />
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onCancel}>
          Cancel
        </Button>
        <Permitted procedure="invoices.generateBatch">
          <Button loading={props.running} onClick={submit}>
            Generate
          </Button>
        </Permitted>
      </Group>
    </Stack>
  );
}
