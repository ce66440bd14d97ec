import { Anchor, Button, Group, Menu, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconChartBar, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ContractDetail } from '../../../../electron/contract/contracts';
import { contractInForceStatuses, contractTypeLabels } from '../../../../electron/contract/contracts.vocab';
import { EmptyTab } from '../../clients/tabs/EmptyTab';
import { ContractInvoicesSection } from '../../invoices/ContractInvoicesSection';
import { instantText } from '../contract-format';
import { ContractLoading, useContractOfAddress } from '../ContractLoading';
import { ContractStatusBadge } from '../ContractStatusBadge';
import { ActivateDialog, DeleteDraftDialog, RenewDialog } from './ConfirmDialogs';
import { ContractEquipment } from './ContractEquipment';
import { ContractFacts } from './ContractFacts';
import { ContractTimeline } from './ContractTimeline';
import { ExtendDialog, TerminateDialog } from './DateDialogs';
import { SignedDocument } from './SignedDocument';
import { Permitted, PermittedMenuItem } from '../../../components/Permitted';
import { MoreMenuTarget } from '../../../components/MoreMenuTarget';

type Dialog = 'activate' | 'extend' | 'renew' | 'terminate' | 'delete';
const tabs = ['details', 'equipment', 'timeline', 'documents', 'invoices', 'usage'] as const;

/** The lifecycle buttons a contract offers in its state; a refusal still comes back with the server's sentence. */
function Actions({ contract: c, open }: { contract: ContractDetail; open: (dialog: Dialog) => void }) {
  const inForce = contractInForceStatuses.includes(c.status);
  if (c.status === 'draft')
    return (
      <Group>
        <Permitted procedure="contracts.update">
          <Button component={Link} to={`/contracts/${c.id}/${c.type === 'infinity' ? 'edit' : 'equipment'}`} variant="default">
            Continue setup
          </Button>
        </Permitted>
        <Permitted procedure="contracts.activate">
          <Button onClick={() => open('activate')}>Activate</Button>
        </Permitted>
        <Menu position="bottom-end">
          <MoreMenuTarget />
          <Menu.Dropdown>
            <PermittedMenuItem procedure="contracts.update" to={`/contracts/${c.id}/edit`} leftSection={<IconPencil size={16} />}>
              Edit details
            </PermittedMenuItem>
            <PermittedMenuItem procedure="contracts.deleteDraft" color="red" leftSection={<IconTrash size={16} />} onClick={() => open('delete')}>
              Delete draft
            </PermittedMenuItem>
          </Menu.Dropdown>
        </Menu>
      </Group>
    );
  if (!inForce) return null;
  return (
    <Group>
      <Permitted procedure="contracts.update">
        <Button component={Link} to={`/contracts/${c.id}/edit`} variant="default" leftSection={<IconPencil size={16} />}>
          Edit
        </Button>
      </Permitted>
      {(c.type === 'lease' || c.can.extend) && (
        <Permitted procedure="contracts.extend">
          <Button variant="default" onClick={() => open('extend')}>
            Extend
          </Button>
        </Permitted>
      )}
      {c.can.renew && (
        <Permitted procedure="contracts.renew">
          <Button variant="default" onClick={() => open('renew')}>
            Renew
          </Button>
        </Permitted>
      )}
      <Permitted procedure="contracts.terminate">
        <Button color="red" variant="light" onClick={() => open('terminate')}>
          Terminate early
        </Button>
      </Permitted>
    </Group>
  );
}

export function ContractDetailPage() {
  const { id, param, contract } = useContractOfAddress();
  const [params, setParams] = useSearchParams();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const tab = tabs.find((t) => t === params.get('tab')) ?? 'details';
  if (!contract.data) return <ContractLoading param={param} id={id} error={contract.error} />;
  const c = contract.data;
  const close = () => setDialog(null);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Group gap="sm">
            <Title order={2}>{c.reference}</Title>
            <ContractStatusBadge status={c.status} />
          </Group>
          <Text c="dimmed" size="sm">
            {contractTypeLabels[c.type]} contract ·{' '}
            <Anchor component={Link} to={`/clients/${c.client.id}/contracts`} size="sm">
              {c.client.name}
            </Anchor>{' '}
            · {c.site.name} · {instantText(c.startsAt, c.timeZone)} → {instantText(c.terminatedAt ?? c.endsAt, c.timeZone)} ({c.timeZone})
          </Text>
        </Stack>
        <Actions contract={c} open={setDialog} />
      </Group>
      <Tabs value={tab} onChange={(next) => setParams(next === 'details' ? {} : { tab: next ?? '' }, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="details">Details</Tabs.Tab>
          {c.type !== 'infinity' && <Tabs.Tab value="equipment">{c.type === 'om' ? `Sites (${c.siteCount})` : `Miners (${c.minerCount})`}</Tabs.Tab>}
          <Tabs.Tab value="timeline">Timeline</Tabs.Tab>
          <Tabs.Tab value="documents">Documents</Tabs.Tab>
          <Tabs.Tab value="invoices">Invoices</Tabs.Tab>
          <Tabs.Tab value="usage">Usage</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details">
          <ContractFacts contract={c} />
        </Tabs.Panel>
        <Tabs.Panel value="equipment">
          <ContractEquipment contract={c} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline">
          <ContractTimeline contractId={c.id} timeZone={c.timeZone} />
        </Tabs.Panel>
        <Tabs.Panel value="documents">
          <SignedDocument contract={c} />
        </Tabs.Panel>
        <Tabs.Panel value="invoices">
          <ContractInvoicesSection contractId={c.id} clientId={c.client.id} />
        </Tabs.Panel>
        <Tabs.Panel value="usage">
          <EmptyTab
            icon={IconChartBar}
            title="No billed usage yet"
            text="The energy, hours and hashrate billed for this contract will show here month by month once billing runs its first period."
          />
        </Tabs.Panel>
      </Tabs>
      {dialog === 'activate' && <ActivateDialog contract={c} onClose={close} />}
      {dialog === 'extend' && <ExtendDialog contract={c} onClose={close} />}
      {dialog === 'renew' && <RenewDialog contract={c} onClose={close} />}
      {dialog === 'terminate' && <TerminateDialog contract={c} onClose={close} />}
      {dialog === 'delete' && <DeleteDraftDialog contract={c} onClose={close} />}
    </Stack>
  );
}
