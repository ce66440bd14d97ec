import { Anchor, Box, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ClientSelect } from '../miners/ClientPickers';
import { ClientStatementSection } from './ClientStatementSection';

/** A client's statement from the Reports page: choose the client, then the period, as on its Financials tab. */
export function StatementPickerSection() {
  const [client, setClient] = useState<{ id: number; name: string } | null>(null);
  return (
    <Stack gap="sm">
      <Box maw={480}>
        <ClientSelect label="Client for a statement" required value={client?.id ?? null} onChange={(id, name) => setClient(id === null ? null : { id, name })} />
      </Box>
      {client ? (
        <>
          <ClientStatementSection clientId={client.id} />
          <Text size="sm">
            <Anchor component={Link} to={`/clients/${client.id}`}>
              Open {client.name}
            </Anchor>{' '}
            for its journal and payments.
          </Text>
        </>
      ) : (
        <Text c="dimmed" size="sm">
          Choose a client to download or e-mail its statement of account.
        </Text>
      )}
    </Stack>
  );
}
