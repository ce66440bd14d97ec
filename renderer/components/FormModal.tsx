import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import type { FormEventHandler, ReactNode } from 'react';
import type { CallName } from '../../electron/contract';
import { Permitted } from './Permitted';

/** A small form in a modal with Cancel and a save button; mount it while the form is open. */
export function FormModal(props: {
  title: string;
  submitLabel: string;
  saving: boolean;
  onSubmit: FormEventHandler<HTMLFormElement>;
  onClose: () => void;
  children: ReactNode;
  /** Wider for a form with a table in it; Mantine's default otherwise. */
  size?: 'md' | 'lg' | 'xl';
  /** The procedure the save button calls: disabled, with the reason, when the role does not allow it. */
  procedure?: CallName;
}) {
  const save = (
    <Button type="submit" loading={props.saving}>
      {props.submitLabel}
    </Button>
  );
  return (
    <Modal opened onClose={props.onClose} title={props.title} size={props.size} centered>
      <form onSubmit={props.onSubmit} noValidate>
        <Stack gap="sm">
          {props.children}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            {props.procedure ? <Permitted procedure={props.procedure}>{save}</Permitted> : save}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type PersonField = 'name' | 'email' | 'phone';

/** Name, e-mail and phone: the same three inputs for a client's contact and a staff member. */
export function PersonFields({ inputProps }: { inputProps: (field: PersonField) => object }) {
  return (
    <>
      <TextInput label="Name" withAsterisk data-autofocus {...inputProps('name')} />
      <TextInput label="E-mail" type="email" placeholder="name@example.com" {...inputProps('email')} />
      <TextInput label="Phone" type="tel" {...inputProps('phone')} />
    </>
  );
}
