import { Button, Paper, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <Paper withBorder p="xl" maw={560}>
        <Text mb="md">There is no page at this address. It may have been a link from an older version.</Text>
        <Button component={Link} to="/">
          Go to the dashboard
        </Button>
      </Paper>
    </>
  );
}
