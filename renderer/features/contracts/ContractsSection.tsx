import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../placeholders/NotFoundPage';
import { ContractsPage } from './ContractsPage';
import { ContractDetailPage } from './detail/ContractDetailPage';
import { ContractEquipmentPage, EditContractPage, NewContractPage } from './wizard/ContractWizardPages';

/** Everything under /contracts: the list, the wizard's two steps, and each contract's page. */
export function ContractsSection() {
  return (
    <Routes>
      <Route index element={<ContractsPage />} />
      <Route path="new" element={<NewContractPage />} />
      <Route path=":id/edit" element={<EditContractPage />} />
      <Route path=":id/equipment" element={<ContractEquipmentPage />} />
      <Route path=":id" element={<ContractDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
