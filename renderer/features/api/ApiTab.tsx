import { Loader, Stack } from '@mantine/core';
import { useQueryCall } from '../../api/useCall';
import { ApiDocumentSection } from './ApiDocumentSection';
import { ApiTokensSection } from './ApiTokensSection';

/** Settings › API: the signed-in person's API tokens, and the description of every procedure. */
export function ApiTab() {
  const status = useQueryCall('auth.status', {}, { staleTime: Infinity });
  if (!status.data) return <Loader />;
  return (
    <Stack gap={40}>
      <ApiTokensSection accountsExist={status.data.accountsExist} />
      <ApiDocumentSection />
    </Stack>
  );
}
