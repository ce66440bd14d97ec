import { Alert, Anchor, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { DefaultProposal } from '../../../electron/contract/payments';
import { useCall, useQueryCall } from '../../api/useCall';
import { useGranted } from '../../api/usePermissions';
import { Permitted } from '../../components/Permitted';
import { useDates } from '../../components/useDates';
import { moneyText } from '../contracts/contract-format';
import { clientTarget } from '../devices/device-format';
import { DeviceActionDialog } from '../devices/DeviceActionDialog';

const owedText = (p: DefaultProposal) => p.owed.map((o) => moneyText(o.amount, o.currency)).join(' and ');

/** Sets the client In Default with a reason, then offers the existing redirect of its unpaid miners to the holding pool. */
function SetInDefaultDialog({ proposal, onClose }: { proposal: DefaultProposal; onClose: () => void }) {
  const [reason, setReason] = useState(`${proposal.invoiceNumber} is ${proposal.daysOverdue} days overdue; ${owedText(proposal)} owed.`);
  const [redirect, setRedirect] = useState(false);
  const setStatus = useCall('clients.setStatus', { failureTitle: 'The status was not changed' });
  if (redirect)
    return (
      <DeviceActionDialog kind="pool_redirect" target={clientTarget(proposal.clientId, false)} title={`${proposal.clientName}'s miners`} onClose={onClose} />
    );
  const save = async () => {
    const outcome = await setStatus.run({ id: proposal.clientId, status: 'in_default', reason: reason.trim() });
    if (!outcome.ok) return;
    notifications.show({ color: 'orange', title: 'Status changed', message: `${proposal.clientName} is In Default.` });
    setRedirect(true);
  };
  return (
    <Modal opened onClose={onClose} title={`Set ${proposal.clientName} In Default`} centered>
      <Stack gap="sm">
        <Text size="sm">
          Its invoices are held from the next batch on. Next you can redirect its miners to the holding pool; recording the payment that clears the debt offers
          to restore their pools.
        </Text>
        <Textarea label="Reason" withAsterisk autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="orange" loading={setStatus.running} disabled={!reason.trim()} onClick={() => void save()}>
            Set In Default
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Clients whose oldest unpaid invoice is past the Settings' days overdue, with the action to set them In Default; for roles that see billing. */
export function DefaultProposals() {
  const seesBilling = useGranted('billing.view');
  const proposals = useQueryCall('payments.defaultProposals', {}, { enabled: seesBilling });
  const settings = useQueryCall('settings.get', {}, { staleTime: 60_000 });
  const { date } = useDates();
  const [chosen, setChosen] = useState<DefaultProposal | null>(null);
  const proposed = proposals.data ?? [];
  // The dialog stays in one place in the tree: once the client is In Default it leaves the list, and the redirect step follows in the same dialog.
  return (
    <>
      {seesBilling && proposed.length > 0 && (
        <Alert
          color="orange"
          icon={<IconAlertTriangle size={18} />}
          title={`Proposed for In Default: oldest unpaid invoice ${settings.data?.defaultAfterDaysOverdue ?? '…'} or more days overdue`}
          role="region"
          aria-label="Proposed for In Default"
        >
          <Stack gap={6}>
            {proposed.map((p) => (
              <Group key={p.clientId} justify="space-between" wrap="nowrap">
                <Text size="sm">
                  <Anchor component={Link} to={`/clients/${p.clientId}/financials`} fw={600} inherit>
                    {p.clientName}
                  </Anchor>{' '}
                  owes {owedText(p)};{' '}
                  <Anchor component={Link} to={`/invoices/${p.invoiceId}`} inherit>
                    {p.invoiceNumber}
                  </Anchor>{' '}
                  was due {date(p.dueDate)} ({p.daysOverdue} days ago).
                </Text>
                <Permitted procedure="clients.setStatus">
                  <Button size="xs" color="orange" variant="light" style={{ flexShrink: 0 }} onClick={() => setChosen(p)}>
                    Set In Default…
                  </Button>
                </Permitted>
              </Group>
            ))}
          </Stack>
        </Alert>
      )}
      {chosen && <SetInDefaultDialog proposal={chosen} onClose={() => setChosen(null)} />}
    </>
  );
}
