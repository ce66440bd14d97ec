import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';

/** The foot of a settings form: its save button, "Discard changes" while anything was changed, and an optional note. */
export function SaveOrDiscard(props: { label: string; saving: boolean; dirty: boolean; onDiscard: () => void; children?: ReactNode }) {
  return (
    <Group>
      <Button type="submit" loading={props.saving}>
        {props.label}
      </Button>
      <Button variant="default" disabled={!props.dirty} onClick={props.onDiscard}>
        Discard changes
      </Button>
      {props.children}
    </Group>
  );
}
