import { Button, Group } from '@mantine/core';
import { useCall } from '../../../api/useCall';
import { Permitted } from '../../../components/Permitted';

/**
 * The end of step 2: what is still selected goes on the contract, then (for a draft, if asked) it is
 * activated, then the wizard is done. Stops at the first refusal, which the call shows in words.
 */
export function useFinishSetup(contractId: number, addSelected: () => Promise<boolean>, onDone: (activated: boolean) => void) {
  const activate = useCall('contracts.activate', { failureTitle: 'The contract was not activated' });
  const finish = async (andActivate: boolean) => {
    if (!(await addSelected())) return;
    if (andActivate && !(await activate.run({ id: contractId })).ok) return;
    onDone(andActivate);
  };
  return { finish, activating: activate.running };
}

/** Back to step 1, Complete setup, and Activate while the contract is a draft. */
export function FinishButtons(props: { draft: boolean; adding: boolean; activating: boolean; onBack: () => void; onFinish: (andActivate: boolean) => void }) {
  return (
    <Group gap="xs">
      <Button variant="default" onClick={props.onBack}>
        Back to details
      </Button>
      <Button variant={props.draft ? 'default' : 'filled'} loading={props.adding} onClick={() => props.onFinish(false)}>
        Complete setup
      </Button>
      {props.draft && (
        <Permitted procedure="contracts.activate">
          <Button loading={props.activating} onClick={() => props.onFinish(true)}>
            Activate
          </Button>
        </Permitted>
      )}
    </Group>
  );
}
