import { z } from 'zod';
import { isCountryCode } from './countries';
import { parseDecimal } from './money';

/** Field schemas shared by the forms of several domains, each with its plain-words message. */

const requiredMessage = (what: string) => (issue: { input: unknown }) =>
  issue.input === undefined || issue.input === null ? 'is required' : `must be ${what}`;

/** Text a person must fill in: trimmed, not empty. */
export const requiredText = (max: number) =>
  z
    .string({ error: requiredMessage('text') })
    .trim()
    .min(1, 'is required')
    .max(max, `must be at most ${max} characters`);

/** Free text that may stay empty; omitted means empty. */
export const optionalText = (max: number) => z.string({ error: 'must be text' }).trim().max(max, `must be at most ${max} characters`).default('');

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

/** A calendar date, YYYY-MM-DD, in the site's calendar. */
export const dateSchema = z.iso.date({ error: 'must be a date written YYYY-MM-DD, like 2025-03-31' });

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
