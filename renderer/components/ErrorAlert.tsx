import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ApiError } from '../../electron/contract/errors';

/** Shows a failed call in plain words; renders nothing when there is no error. */
export function ErrorAlert({ title, error }: { title: string; error: ApiError | null | undefined }) {
  if (!error) return null;
  return (
    <Alert color="red" title={title} icon={<IconAlertTriangle size={18} />} role="alert">
      {error.message}
    </Alert>
  );
}
