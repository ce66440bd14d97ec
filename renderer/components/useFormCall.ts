import type { CallName, Input } from '../../electron/contract';
import type { ApiError } from '../../electron/contract/errors';
import { notifyFailure, useCall } from '../api/useCall';
import { sentenceCase } from './zod-form';

/** What useFormCall needs of a Mantine form. */
type FormErrorsTarget = { setErrors(errors: Record<string, string>): void; getInputNode(path: string): HTMLElement | null };

/**
 * A saving call for a form that shows each failure once: the reasons under their inputs (focus then moves to
 * the first, see useFocusFirstInvalid), and the sentence as one notification titled `failureTitle` only when
 * it adds to them (see showFormFailure); no second alert in the form.
 * `fieldsOf` maps API field paths to the form's own fields when they differ.
 */
export function useFormCall<K extends CallName>(
  name: K,
  form: FormErrorsTarget,
  options: { failureTitle: string; fieldsOf?: (fields: Record<string, string> | undefined) => Record<string, string> },
) {
  const call = useCall(name, { quiet: true });
  const run = async (input: Input<K>) => {
    const outcome = await call.run(input);
    if (!outcome.ok) showFormFailure(form, outcome.error, options);
    return outcome;
  };
  return { ...call, run };
}

/**
 * The failure under the form's inputs; and as one notification when no input can show it, or when its sentence
 * says more than the short reasons do (a conflict names the other record). A failed check of the input, whose
 * message only repeats the reasons, is not said again.
 */
export function showFormFailure(form: FormErrorsTarget, error: ApiError, options: Parameters<typeof useFormCall>[2]): void {
  const errors = (options.fieldsOf ?? sentenceCase)(error.fields);
  form.setErrors(errors);
  const shown = Object.keys(errors).some((path) => form.getInputNode(path));
  const onlyRepeatsReasons = Object.values(error.fields ?? {}).every((reason) => error.message.includes(reason.replace(/\.$/, '')));
  if (!shown || !onlyRepeatsReasons) notifyFailure(options.failureTitle, error);
}
