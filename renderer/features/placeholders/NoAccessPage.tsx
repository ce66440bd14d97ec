import { Center, Code, Paper, Text, Title } from '@mantine/core';

/** Shown in a browser that reached the server without the token from the printed address. */
export function NoAccessPage() {
  return (
    <Center h="100vh" p="md">
      <Paper withBorder p="xl" maw={560}>
        <Title order={3} mb="sm">
          This page has no access token
        </Title>
        <Text mb="sm">
          Hashdesk only answers the address it printed when it started, which carries a one-time token. Open the address that <Code>npm run serve</Code>{' '}
          printed, or read it from <Code>server.json</Code> in the data folder.
        </Text>
      </Paper>
    </Center>
  );
}
