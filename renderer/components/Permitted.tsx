import { Button, type ButtonProps, Menu, type MenuItemProps, Text, Tooltip } from '@mantine/core';
import { cloneElement, type MouseEventHandler, type ReactElement, type ReactNode, type SyntheticEvent } from 'react';
import { Link } from 'react-router';
import type { CallName } from '../../electron/contract';
import type { Permission } from '../../electron/contract/permissions';
import type { Can } from '../api/permission-check';
import { useCan, useCanCall } from '../api/usePermissions';

/**
 * The procedure an action triggers, or every procedure it triggers in order (`['clients.documents.upload', 'contracts.update']`
 * for uploading a file and linking it): allowed only when the role allows each one.
 */
export type Procedures = CallName | readonly CallName[];

/** What gates an action: the procedure(s) it triggers (their permissions read from the contract), or a permission by name. */
export type Gate = { procedure: Procedures; permission?: never } | { permission: Permission; procedure?: never };

/** The check for a gate. Both hooks run so the hook order never depends on the props. */
function useGate(gate: Gate): Can {
  const byPermission = useCan(gate.permission ?? 'anyone');
  const byProcedure = useCanCall(gate.procedure ?? 'auth.status');
  return gate.procedure ? byProcedure : byPermission;
}

/** A button, icon button or link button: what Permitted disables. */
type GatedControl = ReactElement<{ disabled?: boolean; tabIndex?: number; 'aria-disabled'?: boolean }>;

const swallow = (event: SyntheticEvent) => {
  event.preventDefault();
  event.stopPropagation();
};

/** A disabled control's reason in a tooltip; the span carries it because a disabled button gets no pointer or focus events. */
export function ReasonTooltip({ reason, children }: { reason: string; children: GatedControl }) {
  return (
    <Tooltip label={reason} withArrow multiline maw={320} events={{ hover: true, focus: true, touch: true }}>
      {/* Focusable so keyboard users reach the reason too; the tooltip describes it while open. A disabled link
          (a Button with component={Link}) still follows clicks, so the span swallows them first. */}
      <span style={{ display: 'inline-block' }} tabIndex={0} onClickCapture={swallow}>
        {cloneElement(children, { disabled: true, tabIndex: -1, 'aria-disabled': true })}
      </span>
    </Tooltip>
  );
}

/**
 * Its child (a button) as it is when the role allows the gate; otherwise disabled, with a tooltip naming the missing
 * permission. Name the procedure the button triggers (`procedure="clients.create"`) so the permission comes from the
 * contract; `permission` is for a button that only leads somewhere (a page or a dialog of several procedures).
 * `label`: the tooltip an icon button shows when allowed (the reason takes its place when not).
 */
export function Permitted({ children, label, ...gate }: Gate & { children: GatedControl; label?: ReactNode }) {
  const { allowed, reason } = useGate(gate);
  if (allowed || !reason) return label ? <Tooltip label={label}>{children}</Tooltip> : children;
  return <ReasonTooltip reason={reason}>{children}</ReasonTooltip>;
}

/**
 * A menu item gated like Permitted: disabled with the reason written under its label (a disabled item gets no hover,
 * so a tooltip would never show). The item's accessible name stays its label; the reason is its description.
 */
export function PermittedMenuItem({
  children,
  procedure,
  permission,
  onClick,
  to,
  ...item
}: Gate &
  Omit<MenuItemProps, 'children'> & {
    children: ReactNode;
    title?: string;
    onClick?: MouseEventHandler<HTMLButtonElement>;
    /** An item that leads to a page (a Link); disabled, it is a plain item that leads nowhere. */
    to?: string;
  }) {
  const { allowed, reason } = useGate({ procedure, permission } as Gate);
  if (allowed || !reason)
    return to ? (
      <Menu.Item {...item} component={Link} to={to}>
        {children}
      </Menu.Item>
    ) : (
      <Menu.Item {...item} onClick={onClick}>
        {children}
      </Menu.Item>
    );
  return (
    // Full opacity: the label still takes the disabled colour, and the reason stays readable.
    <Menu.Item {...item} disabled aria-description={reason} title={reason} style={{ opacity: 1 }}>
      {children}
      <Text component="span" display="block" size="xs" c="dimmed" maw={260} aria-hidden>
        {reason}
      </Text>
    </Menu.Item>
  );
}

/**
 * Form fields the role may look at but not save: a fieldset disabled (every input in it read-only to the user) when
 * the role does not allow `procedure`. Put the save button in a Permitted so the reason shows.
 */
export function PermittedFields({ children, ...gate }: Gate & { children: ReactNode }) {
  const { allowed } = useGate(gate);
  return (
    // display: contents keeps the fields in the parent's layout (a Stack's gap, a Group's row); disabling still reaches them.
    <fieldset disabled={!allowed} style={{ display: 'contents' }}>
      {children}
    </fieldset>
  );
}

/** A form's save button, gated by the procedure the form calls: disabled with the reason when the role does not allow it. */
export function PermittedSubmit({
  procedure,
  saving,
  children,
  ...button
}: { procedure: Procedures; saving: boolean; children: ReactNode } & Omit<ButtonProps, 'type' | 'loading' | 'children'>) {
  return (
    <Permitted procedure={procedure}>
      <Button type="submit" loading={saving} {...button}>
        {children}
      </Button>
    </Permitted>
  );
}
