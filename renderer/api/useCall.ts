import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { CallName, Input, Result } from '../../electron/contract';
import type { ApiError, Outcome } from '../../electron/contract/errors';
import type { ApiCallError } from './client';
import { invoke, invokeOrThrow } from './client';

export function notifyFailure(title: string, error: ApiError): void {
  notifications.show({ color: 'red', title, message: error.message, autoClose: 8000 });
}

/** The cache key of a read: the procedure's name and its input. */
export const queryKeyOf = <K extends CallName>(name: K, input: Input<K>) => [name, input] as const;

/** Reads through a procedure, cached under queryKeyOf. */
export function useQueryCall<K extends CallName>(
  name: K,
  input: Input<K>,
  options: Omit<UseQueryOptions<Result<K>, ApiCallError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<Result<K>, ApiCallError>({ queryKey: queryKeyOf(name, input), queryFn: () => invokeOrThrow(name, input), ...options });
}

/**
 * A changing call: `run(input)` resolves to the outcome (never throws), shows a red notification on
 * failure (unless `quiet`: the caller shows it, as forms do through useFormCall) and refreshes every
 * query on success, since one change can show on many screens.
 */
export function useCall<K extends CallName>(name: K, options: { failureTitle?: string; quiet?: boolean } = {}) {
  const queryClient = useQueryClient();
  const mutation = useMutation<Outcome<Result<K>>, never, Input<K>>({ mutationFn: (input) => invoke(name, input) });
  const { mutateAsync } = mutation;
  const run = useCallback(
    async (input: Input<K>) => {
      const outcome = await mutateAsync(input);
      if (outcome.ok) await queryClient.invalidateQueries();
      else if (!options.quiet) notifyFailure(options.failureTitle ?? 'That did not work', outcome.error);
      return outcome;
    },
    [mutateAsync, queryClient, options.failureTitle, options.quiet],
  );
  const last = mutation.data;
  return { run, running: mutation.isPending, error: last && !last.ok ? last.error : null, reset: mutation.reset };
}
