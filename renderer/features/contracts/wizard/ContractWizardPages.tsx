import { Stack, Stepper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import type { ContractDetail } from '../../../../electron/contract/contracts';
import { contractEquipmentKinds, contractTypes, type ContractType } from '../../../../electron/contract/contracts.vocab';
import { invoke } from '../../../api/client';
import { notifyFailure, useCall } from '../../../api/useCall';
import { PageHeader } from '../../../components/PageHeader';
import { ContractLoading, useContractOfAddress } from '../ContractLoading';
import { DetailsStep, type AfterSave } from './DetailsStep';
import { EquipmentStep } from './EquipmentStep';
import { SiteStep } from './SiteStep';

/** Miners picked in the Miners table ("Put on a contract…") ride along in the navigation state to the new draft. */
export type WizardState = { minerIds?: number[] } | null;

function WizardFrame({ contract, type, step, children }: { contract: ContractDetail | null; type: ContractType | null; step: 0 | 1; children: ReactNode }) {
  const kind = type ? contractEquipmentKinds[type] : 'miners';
  return (
    <Stack gap="md">
      <PageHeader
        title={contract ? `${contract.status === 'draft' ? 'Set up' : 'Change'} ${contract.reference}` : 'New contract'}
        description={
          contract
            ? `${contract.client.name} · ${contract.site.name}`
            : 'Step 1 saves a draft with a temporary reference; the permanent number comes at activation.'
        }
      />
      <Stepper active={step} size="sm" maw={720} allowNextStepsSelect={false}>
        <Stepper.Step label="Details" description="Type, term and billing" />
        {kind && (
          <Stepper.Step label={kind === 'sites' ? 'Sites' : 'Equipment'} description={kind === 'sites' ? 'Sites to operate' : 'Miners under the contract'} />
        )}
      </Stepper>
      {children}
    </Stack>
  );
}

/** Where each save leads: on to step 2 (carrying miners picked in the Miners table), the contract's page, or activated at once. */
function useAfterSave() {
  const navigate = useNavigate();
  const state = useLocation().state as WizardState;
  const activate = useCall('contracts.activate', { failureTitle: 'The contract was not activated' });
  return async (contract: ContractDetail, next: AfterSave) => {
    if (next === 'activate') {
      const outcome = await activate.run({ id: contract.id });
      if (outcome.ok) notifications.show({ color: 'green', title: 'Contract active', message: `${outcome.value.reference} is in force.` });
      return navigate(`/contracts/${contract.id}`);
    }
    if (next === 'detail') return navigate(`/contracts/${contract.id}`);
    if (state?.minerIds?.length) {
      const outcome = await invoke('contracts.assignEquipment', { contractId: contract.id, minerIds: state.minerIds });
      if (!outcome.ok) notifyFailure('The picked miners were not put on the draft', outcome.error);
    }
    navigate(`/contracts/${contract.id}/equipment`);
  };
}

/** /contracts/new, optionally with ?client=ID&type=lease (from a client's tab or the Miners table). */
export function NewContractPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const afterSave = useAfterSave();
  const clientId = Number(params.get('client'));
  const type = params.get('type') as ContractType | null;
  const preset = {
    ...(Number.isInteger(clientId) && clientId > 0 && { clientId }),
    ...(type && contractTypes.includes(type) && { type }),
  };
  return (
    <WizardFrame contract={null} type={preset.type ?? null} step={0}>
      <DetailsStep existing={null} preset={preset} onSaved={afterSave} onCancel={() => navigate(-1)} />
    </WizardFrame>
  );
}

/** /contracts/:id/edit: step 1 again for a draft, or the few fields an active contract may change. */
export function EditContractPage() {
  const { id, param, contract } = useContractOfAddress();
  const navigate = useNavigate();
  const afterSave = useAfterSave();
  if (!contract.data) return <ContractLoading param={param} id={id} error={contract.error} />;
  return (
    <WizardFrame contract={contract.data} type={contract.data.type} step={0}>
      <DetailsStep key={contract.data.id} existing={contract.data} preset={{}} onSaved={afterSave} onCancel={() => navigate(`/contracts/${id}`)} />
    </WizardFrame>
  );
}

/** /contracts/:id/equipment: step 2, miners for Hosted and Lease, sites for O&M. */
export function ContractEquipmentPage() {
  const { id, param, contract } = useContractOfAddress();
  const navigate = useNavigate();
  if (!contract.data) return <ContractLoading param={param} id={id} error={contract.error} />;
  const c = contract.data;
  const back = () => navigate(`/contracts/${id}/edit`);
  const done = (activated: boolean) => {
    if (activated) notifications.show({ color: 'green', title: 'Contract active', message: 'The contract has its permanent number and is in force.' });
    navigate(`/contracts/${id}`);
  };
  const kind = contractEquipmentKinds[c.type];
  return (
    <WizardFrame contract={c} type={c.type} step={1}>
      {kind === 'miners' && <EquipmentStep contract={c} onBack={back} onDone={done} />}
      {kind === 'sites' && <SiteStep contract={c} onBack={back} onDone={done} />}
      {kind === null && <Text>Infinity contracts sell hashrate: there is no equipment to assign.</Text>}
    </WizardFrame>
  );
}
