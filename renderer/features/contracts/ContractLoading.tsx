import { Center, Loader } from '@mantine/core';
import { useParams } from 'react-router';
import type { ApiCallError } from '../../api/client';
import { useQueryCall } from '../../api/useCall';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isNotFound, isRecordId, NotFound, noRecordText, notFoundShownInPage } from '../../components/NotFound';

/** The contract a /contracts/:id… address names; a number that names no contract asks for nothing. */
export function useContractOfAddress() {
  const param = useParams().id ?? '';
  const id = Number(param);
  const contract = useQueryCall('contracts.get', { id }, { ...notFoundShownInPage, enabled: isRecordId(id) });
  return { id, param, contract };
}

/** What a contract page shows until its contract is there: not found (with the way back to the list), the failure, or a loader. */
export function ContractLoading({ param, id, error }: { param: string; id: number; error: ApiCallError | null }) {
  if (!isRecordId(id) || isNotFound(error))
    return <NotFound title="Contract not found" text={noRecordText('contract', param)} back={{ label: 'Back to contracts', to: '/contracts' }} />;
  if (error) return <ErrorAlert title="This contract could not be loaded" error={error.apiError} />;
  return (
    <Center py="xl">
      <Loader />
    </Center>
  );
}
