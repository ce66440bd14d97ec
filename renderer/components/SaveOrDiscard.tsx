import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CallName } from '../../electron/contract';
import { PermittedSubmit } from './Permitted';

/**
 * The foot of a settings form: its save button (disabled, with the reason, when the role may not call `procedure`),
 * "Discard changes" while anything was changed, and an optional note.
 */
export function SaveOrDiscard(props: { label: string; procedure: CallName; saving: boolean; dirty: boolean; onDiscard: () => void; children?: ReactNode }) {
  return (
    <Group>
      <PermittedSubmit procedure={props.procedure} saving={props.saving}>
        {props.label}
      </PermittedSubmit>
      <Button variant="default" disabled={!props.dirty} onClick={props.onDiscard}>
        Discard changes
      </Button>
      {props.children}
    </Group>
  );
}
