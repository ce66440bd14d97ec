import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ApiCallError } from '../api/client';

/** The way back from an address that leads nowhere: a link to a list, or closing the drawer it opened. */
export type WayBack = { label: string; to: string } | { label: string; onClick: () => void };

/**
 * What every route shows for an address that leads nowhere: a page that does not exist, or a record that
 * does not (any more), with one way back. Pages put it under their header; drawers put it in their body.
 */
export function NotFound({ title, text, back }: { title: string; text: string; back: WayBack }) {
  const icon = <IconArrowLeft size={16} />;
  return (
    <Paper withBorder p="xl" maw={560} role="region" aria-label={title}>
      <Stack gap="md" align="flex-start">
        <Title order={3}>{title}</Title>
        <Text>{text}</Text>
        {'to' in back ? (
          <Button component={Link} to={back.to} leftSection={icon}>
            {back.label}
          </Button>
        ) : (
          <Button onClick={back.onClick} leftSection={icon}>
            {back.label}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

/** True when a record's query failed because there is no such record. */
export const isNotFound = (error: ApiCallError | null | undefined): boolean => error?.apiError.code === 'NOT_FOUND';

/** Query options for a record a page shows NotFound for: its NOT_FOUND is not also announced as a failure. */
export const notFoundShownInPage = { meta: { notFoundShownInPage: true } } as const;

/** "There is no miner #12. …": the text of NotFound for a record by its number. */
export const noRecordText = (noun: string, id: number | string) => `There is no ${noun} #${id}. It may have been removed, or the link is old.`;

/** True for a number an address can name a record by (a positive integer). */
export const isRecordId = (id: number): boolean => Number.isInteger(id) && id > 0;
