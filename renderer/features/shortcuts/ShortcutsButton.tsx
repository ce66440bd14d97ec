import { ActionIcon, Tooltip } from '@mantine/core';
import { IconKeyboard } from '@tabler/icons-react';

/** The header's way to the shortcut sheet, for those who do not know "?" yet. */
export function ShortcutsButton({ onClick }: { onClick: () => void }) {
  return (
    <Tooltip label="Keyboard shortcuts (?)">
      <ActionIcon variant="default" size="lg" aria-label="Keyboard shortcuts" onClick={onClick}>
        <IconKeyboard size={18} />
      </ActionIcon>
    </Tooltip>
  );
}
