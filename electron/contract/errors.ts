import type { z } from 'zod';
import { fieldLabel } from './field-labels';

/** The fixed list of failure codes. The last two are produced by the HTTP transport only. */
export const errorCodes = ['INVALID_INPUT', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'DEVICE_UNREACHABLE', 'INTERNAL', 'UNAUTHORIZED', 'TOO_LARGE'] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** What a caller receives when a procedure fails: a plain-words message, and per-field reasons for bad input. */
export type ApiError = { code: ErrorCode; message: string; fields?: Record<string, string> };
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** A failure a service expects and explains; its message is shown to the user as it is. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const failure = (code: ErrorCode, message: string, fields?: Record<string, string>): Outcome<never> => ({
  ok: false,
  error: fields ? { code, message, fields } : { code, message },
});

/** Turns zod issues into one sentence per field ("Currency: must be a three-letter ISO 4217 code"). */
export function describeIssues(error: z.ZodError): { message: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  // Each reason without its own closing full stop, so sentences are joined with exactly one.
  const lines = error.issues.slice(0, 5).map((issue) => `${fieldLabel(issue.path)}: ${issue.message.replace(/\.$/, '')}`);
  const more = error.issues.length > 5 ? ` (and ${error.issues.length - 5} more)` : '';
  return { message: `${lines.join('. ')}${more}.`, fields };
}
