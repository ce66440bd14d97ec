import { z } from 'zod';
import { call } from './define';
import { nameText, obeying } from './fields';
import { lineTextProblem, multilineTextProblem } from './text-rules';
import { isCurrencyCode, isTimeZone } from './locale';
import { parseDecimal } from './money';

export const logoMimeTypes = ['image/png', 'image/jpeg'] as const;
export const maxLogoBytes = 1024 * 1024;

/** A tax applied to every client that is not tax-exempt: the percent as exact decimal text ("8.875"). */
export type TaxRate = { name: string; percent: string };

/** The organisation's settings as the renderer sees them. */
export type Settings = {
  organisationName: string;
  address: string;
  taxId: string;
  /** data: URL of the logo, or null when none is set. */
  logoDataUrl: string | null;
  currency: string;
  timeZone: string;
  /** Default energy rate per kWh as exact decimal text, e.g. "0.0685". */
  energyRatePerKwh: string;
  invoicePrefix: string;
  /** Contract numbers read <prefix>-<year>-<0042>, e.g. HD-2026-0042. */
  contractPrefix: string;
  /** Discovery may scan public address space too; off: private, CGNAT, link-local and loopback space only. */
  allowPublicScanRanges: boolean;
  /** Taxes of every invoice of a client that is not tax-exempt, in the order printed. */
  taxRates: TaxRate[];
  /** Printed at the foot of every invoice: bank details, crypto addresses. */
  paymentInstructions: string;
  /** A client whose oldest unpaid invoice is this many days past due is proposed for In Default. */
  defaultAfterDaysOverdue: number;
  /** A receipt (the Payment receipt template) is e-mailed for each payment recorded, unless the person recording it opts out. */
  sendPaymentReceipts: boolean;
  updatedAt: string | null;
};

export const currencySchema = z.string().trim().toUpperCase().refine(isCurrencyCode, 'must be a three-letter ISO 4217 currency code, like USD or EUR');

export const timeZoneSchema = z.string().trim().refine(isTimeZone, 'must be an IANA time zone, like America/Chicago or Europe/Oslo');

/** A rate per kWh typed by a person: up to six decimals, not negative. */
export const ratePerKwhSchema = z
  .string()
  .trim()
  .refine((text) => {
    const micro = parseDecimal(text, 6);
    return micro !== null && micro >= 0 && micro <= 100_000_000;
  }, 'must be a number of at most six decimals between 0 and 100, like 0.0685');

/** A percentage typed by a person: 0 to 100 with at most four decimals, like 8.875. */
export const percentSchema = z
  .string()
  .trim()
  .refine((text) => {
    const tenThousandths = parseDecimal(text, 4);
    return tenThousandths !== null && tenThousandths >= 0 && tenThousandths <= 1_000_000;
  }, 'must be a percentage from 0 to 100 with at most four decimals, like 8.875');

const taxRatesSchema = z
  .array(z.object({ name: nameText(60), percent: percentSchema }).strict(), { error: 'must be a list of taxes' })
  .max(10, 'may hold at most 10 taxes')
  .refine((rates) => new Set(rates.map((r) => r.name.toLowerCase())).size === rates.length, 'must not name the same tax twice');

const logoSchema = z.object({
  mime: z.enum(logoMimeTypes, { message: 'must be a PNG or JPEG image' }),
  base64: z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'is not a valid base64 image')
    .refine((b64) => Math.floor((b64.length * 3) / 4) <= maxLogoBytes, 'must be at most 1 MB'),
});

export const settingsCalls = {
  'settings.get': call<Settings>()(z.object({}).strict()),
  'settings.update': call<Settings>()(
    z
      .object({
        organisationName: nameText(200),
        address: z.string().trim().max(1000, 'must be at most 1000 characters').superRefine(obeying(multilineTextProblem)),
        taxId: z.string().trim().max(64, 'must be at most 64 characters').superRefine(obeying(lineTextProblem)),
        logo: logoSchema.nullable().optional().describe('Omit to keep the current logo; null removes it.'),
        currency: currencySchema,
        timeZone: timeZoneSchema,
        energyRatePerKwh: ratePerKwhSchema,
        invoicePrefix: z
          .string()
          .trim()
          .max(16, 'must be at most 16 characters')
          .regex(/^[A-Za-z0-9\-_/]*$/, 'may use only letters, digits, - _ and /'),
        /** Omit to keep the current prefix. */
        contractPrefix: z
          .string()
          .trim()
          .min(1, 'is required')
          .max(12, 'must be at most 12 characters')
          .regex(/^[A-Za-z0-9_/]+$/, 'may use only letters, digits, _ and /')
          .optional(),
        /** Omit to keep the current taxes; [] removes them. */
        taxRates: taxRatesSchema.optional(),
        /** Omit to keep the current text. */
        paymentInstructions: z.string().trim().max(2000, 'must be at most 2000 characters').superRefine(obeying(multilineTextProblem)).optional(),
        /** Omit to keep the current number of days. */
        defaultAfterDaysOverdue: z
          .number({ error: 'must be a number of days' })
          .int('must be a whole number of days')
          .min(1, 'must be at least 1 day')
          .max(365, 'must be at most 365 days')
          .optional(),
        /** Omit to keep the current choice. */
        sendPaymentReceipts: z.boolean({ error: 'must be on or off' }).optional(),
      })
      .strict(),
  ),
  /** Lets discovery scan beyond LAN space (audited); off by default. */
  'settings.scanning.update': call<Settings>()(z.object({ allowPublicScanRanges: z.boolean({ error: 'must be on or off' }) }).strict()),
};
