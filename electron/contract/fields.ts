import { z } from 'zod';
import { isCountryCode } from './countries';
import { parseDecimal } from './money';
import { fileNameProblem, lineTextProblem, multilineTextProblem } from './text-rules';

/** Field schemas shared by the forms of several domains, each with its plain-words message. */

const requiredMessage = (what: string) => (issue: { input: unknown }) =>
  issue.input === undefined || issue.input === null ? 'is required' : `must be ${what}`;

/** Adds a text-rules check (see text-rules.ts) to a string schema, its sentence as the issue. */
export const obeying =
  (problem: (text: string) => string | null) =>
  (text: string, ctx: z.RefinementCtx): void => {
    const message = problem(text);
    if (message) ctx.addIssue({ code: 'custom', message });
  };

const trimmedText = (max: number, error: Parameters<typeof z.string>[0]) => z.string(error).trim().max(max, `must be at most ${max} characters`);

/** Text a person must fill in, which may span lines (a comment): trimmed, not empty, no control characters. */
export const requiredText = (max: number) =>
  trimmedText(max, { error: requiredMessage('text') })
    .min(1, 'is required')
    .superRefine(obeying(multilineTextProblem));

/** A name or label a person must fill in: one line, visible, no control or text-direction characters. */
export const nameText = (max: number) =>
  trimmedText(max, { error: requiredMessage('text') })
    .min(1, 'is required')
    .superRefine(obeying(lineTextProblem));

/** Free text that may stay empty and may span lines (notes, addresses); omitted means empty. */
export const optionalText = (max: number) => trimmedText(max, { error: 'must be text' }).superRefine(obeying(multilineTextProblem)).default('');

/** One line of text that may stay empty (a company, a city); omitted means empty. */
export const optionalLineText = (max: number) => trimmedText(max, { error: 'must be text' }).superRefine(obeying(lineTextProblem)).default('');

/** A file name a person gives or a file brings: one line, not a path, not a name Windows reserves. */
export const fileNameSchema = (max: number) =>
  trimmedText(max, { error: requiredMessage('text') })
    .min(1, 'is required')
    .superRefine(obeying(fileNameProblem));

export const idSchema = z
  .number({ error: requiredMessage('a record number') })
  .int('must be a whole number')
  .positive('must be a record number');

export const emailSchema = z
  .string({ error: requiredMessage('text') })
  .trim()
  .toLowerCase()
  .pipe(z.email('must be a valid e-mail address, like ops@example.com').max(254, 'must be at most 254 characters'));

/** A field that may be left empty: "", null and omitted all mean none (null). */
export const blankAsNull = <T extends z.ZodType<string>>(schema: T) =>
  z
    .union([z.literal(''), schema])
    .nullable()
    .default(null)
    .transform((value) => value || null);

export const optionalEmailSchema = blankAsNull(emailSchema);

export const phoneSchema = optionalText(40).refine((text) => /^[+\d\s().\-/]*$/.test(text), 'may use only digits, spaces and + ( ) - . /');

export const countrySchema = z
  .string({ error: 'must be a two-letter country code' })
  .trim()
  .toUpperCase()
  .refine(isCountryCode, 'must be a two-letter ISO 3166 country code, like US or NO');

/** The calendar dates the app accepts: anything earlier or later is a typing slip (0000-01-01, 20255-01-01). */
export const dateRange = { first: '2000-01-01', last: '2100-12-31' } as const;

/** A real calendar date, YYYY-MM-DD, in the site's calendar, from 2000 to 2100. */
export const dateSchema = z.iso
  .date({ error: 'must be a real calendar date written YYYY-MM-DD, like 2025-03-31' })
  .refine((date) => date >= dateRange.first && date <= dateRange.last, `must be a date from ${dateRange.first} to ${dateRange.last}`);

/** A non-negative amount typed by a person, up to six decimals ("0.0685", "25"); the service checks the currency's own decimals. */
export const decimalTextSchema = z
  .string({ error: 'must be a number written as text' })
  .trim()
  .refine((text) => {
    const value = parseDecimal(text, 6);
    return value !== null && value >= 0;
  }, 'must be a number of at most six decimals, not negative, like 0.0685');

/** One page of a list: at most 200 rows. */
export const pageSchema = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200, 'must be at most 200').default(50),
};
