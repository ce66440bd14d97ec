import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconCircleCheck, IconMailExclamation } from '@tabler/icons-react';
import { useState } from 'react';
import type { MailSettings, MailTestResult } from '../../../electron/contract/mail';
import { useCall } from '../../api/useCall';
import { SectionHeader } from '../../components/SectionHeader';
import { Permitted } from '../../components/Permitted';

/** Sends one e-mail straight to the saved server and shows its answer in words. */
export function MailTestPanel({ settings }: { settings: MailSettings }) {
  const [to, setTo] = useState(settings.replyTo ?? settings.fromAddress);
  const [result, setResult] = useState<MailTestResult | null>(null);
  const test = useCall('mail.test', { failureTitle: 'The test e-mail was not sent' });
  const send = async () => {
    setResult(null);
    const outcome = await test.run({ to });
    if (outcome.ok) setResult(outcome.value);
  };
  return (
    <Stack maw={760} gap="sm" mt="xl">
      <SectionHeader
        title="Test e-mail"
        description="Sends one e-mail now with the saved settings, without the outbox, and shows what the mail server answered."
      />
      <Group align="flex-end">
        <TextInput label="Send a test e-mail to" type="email" value={to} onChange={(event) => setTo(event.currentTarget.value)} w={360} />
        <Permitted procedure="mail.test">
          <Button onClick={() => void send()} loading={test.running} disabled={!settings.configured || !to.trim()}>
            Send test e-mail
          </Button>
        </Permitted>
      </Group>
      {!settings.configured && (
        <Text size="sm" c="dimmed">
          Save the mail server first.
        </Text>
      )}
      {result && (
        <Alert
          color={result.sent ? 'green' : 'red'}
          icon={result.sent ? <IconCircleCheck size={18} /> : <IconMailExclamation size={18} />}
          title={result.sent ? 'The test e-mail was sent' : 'The test e-mail was not sent'}
          role={result.sent ? 'status' : 'alert'}
        >
          <Text size="sm">{result.sentence}</Text>
          {result.serverAnswer && (
            <Text size="xs" c="dimmed" mt={4}>
              The server answered: {result.serverAnswer}
            </Text>
          )}
        </Alert>
      )}
    </Stack>
  );
}
