import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../placeholders/NotFoundPage';
import { PermittedPage } from '../placeholders/NotPermittedPage';
import { ContractsPage } from './ContractsPage';
import { ContractDetailPage } from './detail/ContractDetailPage';
import { ContractEquipmentPage, EditContractPage, NewContractPage } from './wizard/ContractWizardPages';

const toContracts = { label: 'Back to contracts', to: '/contracts' };

/** Everything under /contracts (the wizard only for a role that may save it): the list, the wizard's two steps, and each contract's page. */
export function ContractsSection() {
  return (
    <Routes>
      <Route index element={<ContractsPage />} />
      <Route
        path="new"
        element={
          <PermittedPage procedure="contracts.create" back={toContracts}>
            <NewContractPage />
          </PermittedPage>
        }
      />
      <Route
        path=":id/edit"
        element={
          <PermittedPage procedure="contracts.update" back={toContracts}>
            <EditContractPage />
          </PermittedPage>
        }
      />
      <Route
        path=":id/equipment"
        element={
          <PermittedPage procedure="contracts.assignEquipment" back={toContracts}>
            <ContractEquipmentPage />
          </PermittedPage>
        }
      />
      <Route path=":id" element={<ContractDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
