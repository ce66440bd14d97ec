import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../placeholders/NotFoundPage';
import { onlyIfPermitted } from '../placeholders/NotPermittedPage';
import { ContractsPage } from './ContractsPage';
import { ContractDetailPage } from './detail/ContractDetailPage';
import { ContractEquipmentPage, EditContractPage, NewContractPage } from './wizard/ContractWizardPages';

const toContracts = { label: 'Back to contracts', to: '/contracts' };

/** Everything under /contracts (the wizard only for a role that may save it): the list, the wizard's two steps, and each contract's page. */
export function ContractsSection() {
  return (
    <Routes>
      <Route index element={<ContractsPage />} />
      <Route path="new" element={onlyIfPermitted('contracts.create', toContracts, <NewContractPage />)} />
      <Route path=":id/edit" element={onlyIfPermitted('contracts.update', toContracts, <EditContractPage />)} />
      <Route path=":id/equipment" element={onlyIfPermitted('contracts.assignEquipment', toContracts, <ContractEquipmentPage />)} />
      <Route path=":id" element={<ContractDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
