import type { z } from 'zod';
import { describeIssues } from '../../electron/contract/errors';

/** A Mantine form `validate` function from the contract's own zod schema: the form and the API check the same rules. */
export const validateWith =
  (schema: z.ZodTypeAny) =>
  (values: unknown): Record<string, string> => {
    const parsed = schema.safeParse(values);
    return parsed.success ? {} : sentenceCase(describeIssues(parsed.error).fields);
  };

/** API field reasons ("is required") shown under their input read as sentences ("Is required"). */
export function sentenceCase(fields: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(fields ?? {}).map(([key, text]) => [key, text.charAt(0).toUpperCase() + text.slice(1)]));
}
