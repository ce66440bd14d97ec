import type { CallContext, CallName, Handlers } from '../contract';
import { contract } from '../contract';
import { AppError, describeIssues, failure, type Outcome } from '../contract/errors';
import { describeMissingPermission } from '../contract/permissions';
import { procedurePermissions } from '../contract/procedure-permissions';

/** Checks the caller's permission, validates the input, runs the handler and wraps the answer in the envelope. Used by IPC and HTTP alike. */
export async function dispatch(handlers: Handlers, name: CallName, raw: unknown, ctx: CallContext): Promise<Outcome<unknown>> {
  const required = procedurePermissions[name];
  if (!ctx.permissions.has(required)) return failure('FORBIDDEN', describeMissingPermission(required, name));
  const parsed = contract[name].input.safeParse(raw);
  if (!parsed.success) {
    const { message, fields } = describeIssues(parsed.error);
    return failure('INVALID_INPUT', message, fields);
  }
  try {
    const handler = handlers[name] as (input: unknown, ctx: CallContext) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data, ctx) };
  } catch (error) {
    if (error instanceof AppError) return failure(error.code, error.message, error.fields);
    ctx.log.error({ err: error, call: name }, 'unexpected failure');
    return failure('INTERNAL', 'Something went wrong while doing that. The details were written to the log; please try again.');
  }
}
