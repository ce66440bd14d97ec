import { Button, Group, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useCall } from '../../api/useCall';
import { downloadBase64 } from '../../components/files';
import { SectionHeader } from '../../components/SectionHeader';
import { useSiteToday } from '../invoices/useSiteToday';
import { Permitted } from '../../components/Permitted';

/** The first day of the year `today` is in: a statement usually covers the year so far. */
const startOfYear = (today: string) => `${today.slice(0, 4)}-01-01`;

/** The client's statement of account for a chosen period: downloaded as a PDF or queued for e-mail. */
export function ClientStatementSection({ clientId }: { clientId: number }) {
  const today = useSiteToday();
  const [from, setFrom] = useState(() => startOfYear(today));
  const [to, setTo] = useState(today);
  const print = useCall('clients.statement', { failureTitle: 'The statement was not made' });
  const send = useCall('clients.statement.send', { failureTitle: 'The statement was not sent' });
  const span = { clientId, from, to };
  const download = async () => {
    const outcome = await print.run(span);
    if (outcome.ok) downloadBase64(outcome.value.base64, outcome.value.mime, outcome.value.fileName);
  };
  const email = async () => {
    const outcome = await send.run(span);
    if (outcome.ok) notifications.show({ color: 'green', title: 'Statement queued', message: outcome.value.summary });
  };
  return (
    <>
      <SectionHeader
        title="Statement"
        description="The balance before the period, every invoice, credit note, payment and refund in it, and the balance at its end, as a PDF."
      />
      <Group align="flex-end" gap="sm">
        <TextInput type="date" label="Statement from" value={from} max={to} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="date" label="Statement to" value={to} min={from} onChange={(e) => setTo(e.currentTarget.value)} />
        <Button variant="default" onClick={download} loading={print.running} disabled={!from || !to}>
          Download statement
        </Button>
        <Permitted procedure="clients.statement.send">
          <Button variant="default" onClick={email} loading={send.running} disabled={!from || !to}>
            E-mail statement
          </Button>
        </Permitted>
      </Group>
      {(print.error ?? send.error) && (
        <Text c="red" size="sm" mt="xs" role="alert">
          {(print.error ?? send.error)!.message}
        </Text>
      )}
    </>
  );
}
