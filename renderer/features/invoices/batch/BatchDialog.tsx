import { Modal } from '@mantine/core';
import { useState } from 'react';
import type { Input } from '../../../../electron/contract';
import type { ApiError } from '../../../../electron/contract/errors';
import { useCall, useQueryCall } from '../../../api/useCall';
import { BatchForm } from './BatchForm';
import { BatchProgressView } from './BatchProgressView';

/**
 * The Dune seed's batch generation: the month, all clients or chosen ones, skip or recompute existing drafts,
 * issue at once or leave drafts; then the run's progress (polled) with Cancel, and what it did.
 */
export function BatchDialog({ onClose }: { onClose: () => void }) {
  const generate = useCall('invoices.generateBatch', { quiet: true });
  const [started, setStarted] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const status = useQueryCall('invoices.batch.status', {}, { refetchInterval: (query) => (query.state.data?.state === 'running' ? 400 : false) });
  const batch = status.data;

  const start = async (input: Input<'invoices.generateBatch'>) => {
    setFailure(null);
    setStarted(true);
    // The call answers when the run ends; meanwhile the status query shows its progress.
    const running = generate.run(input);
    void status.refetch();
    const outcome = await running;
    if (!outcome.ok) {
      setFailure(outcome.error);
      setStarted(false);
    }
    void status.refetch();
  };

  // A run this dialog started, or one already going when it opened, shows its progress and then its result.
  const showRun = batch && (batch.state === 'running' || (started && !generate.running));
  return (
    <Modal opened onClose={onClose} title="Generate invoices" closeButtonProps={{ 'aria-label': 'Close' }} centered size="lg">
      {showRun ? (
        <BatchProgressView batch={batch} onClose={onClose} onAgain={() => setStarted(false)} />
      ) : (
        <BatchForm running={generate.running} failure={failure} onSubmit={start} onCancel={onClose} />
      )}
    </Modal>
  );
}
