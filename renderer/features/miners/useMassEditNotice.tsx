import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { undoWindowSeconds, type MassEditResult } from '../../../electron/contract/miners.edit';
import { invoke } from '../../api/client';
import { notifyFailure } from '../../api/useCall';
import { useCanCall } from '../../api/usePermissions';
import { ReasonTooltip } from '../../components/Permitted';
import { minersText } from './miner-format';

/**
 * The notification's Undo button, with the seconds left; the notification closes when they run out. Disabled with the
 * reason when the role may not undo (`refusal`): notifications render outside the data provider, so the gate is read
 * by the hook and handed in.
 */
function UndoButton({ onUndo, refusal }: { onUndo: () => Promise<void>; refusal: string | null }) {
  const [left, setLeft] = useState(undoWindowSeconds);
  const [running, setRunning] = useState(false);
  useEffect(() => {
    const timer = setInterval(() => setLeft((s) => Math.max(0, s - 1)), 1000);
    return () => clearInterval(timer);
  }, []);
  const button = (
    <Button
      size="xs"
      variant="light"
      loading={running}
      disabled={left === 0}
      onClick={async () => {
        setRunning(true);
        await onUndo();
        setRunning(false);
      }}
    >
      Undo ({left} s)
    </Button>
  );
  return refusal ? <ReasonTooltip reason={refusal}>{button}</ReasonTooltip> : button;
}

/**
 * After a mass edit: "240 miners changed" with an Undo button for the undo window. The notification
 * lives outside the page (it stays when the user moves on), so undo calls the API directly rather
 * than through a hook of a page that may be gone.
 */
export function useMassEditNotice(): (result: MassEditResult, sentence: string, note?: string) => void {
  const queryClient = useQueryClient();
  const undoRefusal = useCanCall('miners.massEdit.undo').reason;
  return useCallback(
    (result, sentence, note) => {
      if (result.changed === 0) {
        notifications.show({ color: 'gray', title: 'Nothing changed', message: 'The selected miners already had these values.' });
        return;
      }
      const id = `mass-edit-${result.undoToken}`;
      const undo = async () => {
        const outcome = await invoke('miners.massEdit.undo', { undoToken: result.undoToken });
        if (!outcome.ok) return notifyFailure('The change was not undone', outcome.error);
        await queryClient.invalidateQueries();
        notifications.update({
          id,
          color: 'blue',
          title: 'Change undone',
          message: `${minersText(outcome.value.restored)} restored to their values before.`,
          autoClose: 6000,
        });
      };
      notifications.show({
        id,
        color: 'green',
        title: `${minersText(result.changed)} changed`,
        autoClose: undoWindowSeconds * 1000,
        message: (
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Text size="sm">
              {sentence.replace(/^Change [\d,]+ miners?: /, '')}
              {note && `. ${note}`}
            </Text>
            <UndoButton onUndo={undo} refusal={undoRefusal} />
          </Group>
        ),
      });
    },
    [queryClient, undoRefusal],
  );
}
